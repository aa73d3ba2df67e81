package dev.lattice.runtime.link;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The lines logged (slf4j → java.util.logging) by the loggers of some classes, while open. */
public final class LogCapture extends Handler implements AutoCloseable {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<Logger> loggers;

  public LogCapture(Class<?>... classes) {
    loggers = java.util.Arrays.stream(classes).map(c -> Logger.getLogger(c.getName())).toList();
    setLevel(Level.ALL);
    loggers.forEach(l -> l.addHandler(this));
  }

  @Override
  public void publish(LogRecord r) {
    String m = r.getMessage();
    Object[] p = r.getParameters();
    if (p != null) {
      for (int i = 0; i < p.length; i++) {
        m = m.replace("{" + i + "}", String.valueOf(p[i]));
      }
    }
    lines.add(r.getLevel() + " " + m);
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** How many lines contain {@code text}. */
  public long count(String text) {
    return lines.stream().filter(l -> l.contains(text)).count();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    loggers.forEach(l -> l.removeHandler(this));
  }
}
