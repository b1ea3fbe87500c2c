package org.winnow.ingest.warc;

import java.util.EnumSet;
import java.util.Optional;
import org.winnow.ingest.http.PageKind;

/**
 * A record's payload, read and decompressed, ready to be decoded to text.
 *
 * @param bytes         the payload, content codings undone
 * @param charset       the charset the Content-Type declares, if any
 * @param kind          what kind of page it is
 * @param id            the document id
 * @param modifications oddities tolerated so far
 */
record Payload(
    byte[] bytes,
    Optional<String> charset,
    PageKind kind,
    String id,
    EnumSet<IngestModification> modifications) {}
