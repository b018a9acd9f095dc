package dev.salesmetrics.metric;

import com.google.common.collect.ImmutableSet;

/** What every metric made by a {@link MetricBuilder} holds besides its state. */
abstract class BaseMetric<T, R extends MetricValue> implements Metric<T, R> {
  /** The description of a metric: id, texts, unit, record type, placement and what it reads. */
  record Info<T>(
      String id,
      String description,
      String displayName,
      MetricUnit unit,
      Class<T> recordType,
      Placement<T> placement,
      boolean needsPeriod,
      ImmutableSet<Class<?>> recordKinds) {}

  final Info<T> info;

  BaseMetric(Info<T> info) {
    this.info = info;
  }

  @Override
  public final String id() {
    return info.id();
  }

  @Override
  public final String description() {
    return info.description();
  }

  @Override
  public final String displayName() {
    return info.displayName();
  }

  @Override
  public final MetricUnit unit() {
    return info.unit();
  }

  @Override
  public final Class<T> recordType() {
    return info.recordType();
  }

  @Override
  public final Placement<T> placement() {
    return info.placement();
  }

  @Override
  public final boolean needsPeriod() {
    return info.needsPeriod();
  }

  @Override
  public final ImmutableSet<Class<?>> recordKinds() {
    return info.recordKinds();
  }

  @Override
  public String toString() {
    return info.id();
  }
}
