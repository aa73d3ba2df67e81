package dev.lattice.testkit.bench;

import java.io.Writer;

/**
 * A {@link Writer} that keeps nothing and counts the characters it is given, so a benchmark
 * measures serialisation and not a terminal or a growing buffer. Not thread-safe.
 */
public final class CountingWriter extends Writer {
  private long chars;
  private int last;

  @Override
  public void write(char[] buffer, int offset, int length) {
    chars += length;
    if (length > 0) {
      last ^= buffer[offset + length - 1]; // touch the data so nothing is optimised away
    }
  }

  @Override
  public void write(String s, int offset, int length) {
    chars += length;
    if (length > 0) {
      last ^= s.charAt(offset + length - 1);
    }
  }

  @Override
  public void write(int c) {
    chars++;
    last ^= c;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** Characters written so far. */
  public long chars() {
    return chars;
  }

  /** A value that depends on every write, for a benchmark to consume. */
  public int checksum() {
    return last;
  }
}
