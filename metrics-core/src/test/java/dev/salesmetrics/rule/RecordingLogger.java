package dev.salesmetrics.rule;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** A {@link System.Logger} that keeps every message, for tests. */
class RecordingLogger implements System.Logger {
  private final List<String> lines = new ArrayList<>();

  @Override
  public String getName() {
    return "test";
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public synchronized void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    lines.add(level + " " + msg + (thrown == null ? "" : " " + thrown));
  }

  @Override
  public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
    lines.add(level + " " + (params == null ? format : MessageFormat.format(format, params)));
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
