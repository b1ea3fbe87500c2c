package org.winnow.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.winnow.jobs.io.NoInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command's exception into one readable line on stderr and an exit code: 2 when the
 * arguments were wrong (an input that matches nothing), 1 otherwise. The stack trace is printed
 * only with {@code WINNOW_DEBUG=1}: users need the message, which names the file and place.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  private static final String DEBUG_ENV = "WINNOW_DEBUG";

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    String command = cli.getCommandSpec().qualifiedName();
    if (ex instanceof NoInputException) {
      err.println(command + ": " + ex.getMessage());
      err.println("Try '" + command + " --help' for the options.");
      return WinnowCli.USAGE;
    }
    err.println(command + ": error: " + describe(ex));
    if (System.getenv(DEBUG_ENV) != null && !System.getenv(DEBUG_ENV).isEmpty()) {
      ex.printStackTrace(err);
    } else {
      err.println("(set " + DEBUG_ENV + "=1 for the stack trace)");
    }
    err.flush();
    return WinnowCli.FAILURE;
  }

  /** The messages of {@code t} and its causes, each said once. */
  static String describe(Throwable t) {
    List<String> parts = new ArrayList<>();
    for (Throwable c = t; c != null && parts.size() < 6; c = c.getCause()) {
      String m = c.getMessage() == null ? c.getClass().getSimpleName() : firstLine(c.getMessage());
      if (parts.stream().noneMatch(p -> p.contains(m))) {
        parts.add(m);
      }
    }
    return String.join(": ", parts);
  }

  /** Spark's job failures carry the executor's stack trace after the first line. */
  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() <= 400 ? line : line.substring(0, 400) + "...";
  }
}
