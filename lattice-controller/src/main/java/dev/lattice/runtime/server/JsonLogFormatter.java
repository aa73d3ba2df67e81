package dev.lattice.runtime.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** Structured logs: one JSON object per line ({@code ts}, {@code level}, {@code logger}, {@code msg}, {@code thread}, {@code error}). */
final class JsonLogFormatter extends Formatter {
  @Override
  public String format(LogRecord r) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("ts", r.getInstant().toString());
    line.put("level", r.getLevel().getName());
    line.put("logger", r.getLoggerName());
    line.put("msg", formatMessage(r));
    line.put("thread", Thread.currentThread().getName());
    if (r.getThrown() != null) {
      StringWriter trace = new StringWriter();
      r.getThrown().printStackTrace(new PrintWriter(trace));
      line.put("error", trace.toString());
    }
    return line + System.lineSeparator();
  }

  /** Routes the root logger to stderr as JSON lines (or plain text). */
  static void install(boolean json, java.util.logging.Level level) {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    for (var h : root.getHandlers()) {
      root.removeHandler(h);
    }
    java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
    handler.setLevel(level);
    handler.setFormatter(json ? new JsonLogFormatter() : new java.util.logging.SimpleFormatter());
    root.addHandler(handler);
    root.setLevel(level);
  }
}
