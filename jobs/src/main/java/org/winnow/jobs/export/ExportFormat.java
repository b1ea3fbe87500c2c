package org.winnow.jobs.export;

import java.util.Locale;

/** The formats {@code winnow export} writes. */
public enum ExportFormat {
  /** Megatron-LM / NeMo indexed dataset: {@code <split>.bin} + {@code <split>.idx}. */
  MEGATRON,
  /** llm.c / nanoGPT flat uint16 token files with a 256-int header. */
  NANOGPT;

  /** The format named {@code name} (any case). */
  public static ExportFormat named(String name) {
    for (ExportFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "': expected megatron or "
        + "nanogpt");
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
