package dev.salesmetrics.micrometer;

/**
 * The current value of one exported row, read by its meter at each scrape. Holds only finite
 * values: a row whose value is undefined is removed instead. Thread safe.
 */
final class Cell {
  private volatile double value;

  Cell(double value) {
    set(value);
  }

  void set(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("exported values must be finite: " + v);
    }
    this.value = v;
  }

  double get() {
    return value;
  }
}
