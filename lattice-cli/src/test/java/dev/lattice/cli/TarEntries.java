package dev.lattice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the entries of a tar stream, enough for the image tars a test opens: POSIX ustar headers
 * (name, {@code prefix}, octal mode and size, type flag) and PAX extended headers ({@code x}), whose
 * {@code path} and {@code size} records override the next entry's header. Jib writes both:
 * commons-compress {@code TarArchiveOutputStream} with {@code LONGFILE_POSIX} and
 * {@code BIGNUMBER_POSIX} for the image tarball and every layer (jib-core {@code tar/TarStreamBuilder.java},
 * used by {@code image/ImageTarball.java} and {@code image/ReproducibleLayerBuilder.java}).
 * Global headers ({@code g}) are skipped. The JDK has no tar reader, and a library for it would be
 * one more dependency to converge for ~80 lines.
 */
final class TarEntries {
  private static final int BLOCK = 512;

  /**
   * One entry: its name as stored (no leading {@code /}), permission bits (the header's mode without
   * the file-type bits commons-compress also writes there), type flag and contents.
   */
  record Entry(String name, int mode, char type, byte[] content) {
    boolean directory() {
      return type == '5';
    }

    boolean regularFile() {
      return type == '0' || type == '\0';
    }
  }

  /** What to do with each entry, in stream order. */
  interface Visitor {
    void visit(Entry entry) throws IOException;
  }

  private TarEntries() {}

  /** Calls {@code visitor} for every file, directory and link entry of {@code in}, in order. */
  static void read(InputStream in, Visitor visitor) throws IOException {
    Optional<String> paxPath = Optional.empty();
    Optional<Long> paxSize = Optional.empty();
    while (true) {
      byte[] header = in.readNBytes(BLOCK);
      if (header.length < BLOCK || isZero(header)) {
        return;
      }
      char type = (char) header[156];
      long size = paxSize.orElse(octal(header, 124, 12));
      byte[] content = in.readNBytes(Math.toIntExact(size));
      if (content.length != size) {
        throw new IOException("truncated tar entry " + text(header, 0, 100));
      }
      in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
      if (type == 'x') {
        String records = new String(content, StandardCharsets.UTF_8);
        paxPath = pax(records, "path");
        paxSize = pax(records, "size").map(Long::parseLong);
        continue;
      }
      if (type == 'g') {
        continue;
      }
      String prefix = text(header, 345, 155);
      String name = paxPath.orElse(prefix.isEmpty() ? text(header, 0, 100) : prefix + "/" + text(header, 0, 100));
      visitor.visit(new Entry(name, (int) octal(header, 100, 8) & 07777, type, content));
      paxPath = Optional.empty();
      paxSize = Optional.empty();
    }
  }

  /** A PAX record {@code "<length> <key>=<value>\n"}; a value never holds a newline in what we read. */
  private static Optional<String> pax(String records, String key) {
    for (String line : records.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith(key + "=", space + 1)) {
        return Optional.of(line.substring(space + 2 + key.length()));
      }
    }
    return Optional.empty();
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) {
    String digits = text(header, offset, length).trim();
    return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
  }
}
