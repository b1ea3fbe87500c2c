package org.winnow.jobs.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an export wrote.
 *
 * @param splits per split name: documents and tokens exported
 * @param files every file written, in order
 */
public record ExportReport(ExportFormat format, Path output, Map<String, long[]> splits,
    List<Path> files) {}
