package dev.salesmetrics.dashboard.chart;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.annotation.Nullable;

/**
 * A linear map from a domain of values to an output range of pixels, with ticks at "nice" steps:
 * 1, 2 or 5 times a power of ten.
 *
 * <pre>{@code
 * LinearScale y = LinearScale.nice(0, 3_996_100, 5, 200, 0);  // domain 0..4,000,000
 * y.ticks(5, TickFormat.COMPACT);                             // 0, 1M, 2M, 3M, 4M
 * y.apply(2_000_000);                                         // 100.0
 * }</pre>
 *
 * <p>Immutable and thread safe.
 */
public final class LinearScale {
  private static final int[] MULTIPLIERS = {1, 2, 5, 10};
  private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");

  private final double domainMin;
  private final double domainMax;
  private final double rangeStart;
  private final double rangeEnd;
  // for a scale made by nice(): its exact lower end, step, tick count and the ticks asked for
  @Nullable private final BigDecimal niceLo;
  @Nullable private final BigDecimal niceStep;
  private final int niceCount;
  private final int niceMaxTicks;

  private LinearScale(double domainMin, double domainMax, double rangeStart, double rangeEnd) {
    this(domainMin, domainMax, rangeStart, rangeEnd, null, null, 0, 0);
  }

  private LinearScale(
      double domainMin,
      double domainMax,
      double rangeStart,
      double rangeEnd,
      @Nullable BigDecimal niceLo,
      @Nullable BigDecimal niceStep,
      int niceCount,
      int niceMaxTicks) {
    this.domainMin = domainMin;
    this.domainMax = domainMax;
    this.rangeStart = rangeStart;
    this.rangeEnd = rangeEnd;
    this.niceLo = niceLo;
    this.niceStep = niceStep;
    this.niceCount = niceCount;
    this.niceMaxTicks = niceMaxTicks;
  }

  /**
   * Returns the scale mapping {@code [domainMin, domainMax]} onto {@code [rangeStart, rangeEnd]}
   * (the range may run backwards, as a y axis does).
   *
   * @param domainMin the smallest value
   * @param domainMax the largest value, greater than {@code domainMin}
   * @param rangeStart where {@code domainMin} lands
   * @param rangeEnd where {@code domainMax} lands
   * @return the scale
   * @throws IllegalArgumentException if a bound is not finite or the domain is empty
   */
  public static LinearScale of(
      double domainMin, double domainMax, double rangeStart, double rangeEnd) {
    checkFinite(domainMin, "domain min");
    checkFinite(domainMax, "domain max");
    checkFinite(rangeStart, "range start");
    checkFinite(rangeEnd, "range end");
    checkArgument(
        domainMax > domainMin,
        "domain max must be greater than domain min: %s .. %s",
        domainMin,
        domainMax);
    return new LinearScale(domainMin, domainMax, rangeStart, rangeEnd);
  }

  /**
   * Returns a scale whose domain is {@code [min, max]} widened outwards to multiples of the nice
   * step for at most {@code maxTicks} ticks (at most 3 when {@code maxTicks} is 2 and the values
   * lie on both sides of 0). When {@code min == max} the domain is widened to include 0 (or to
   * {@code [0, 1]} when both are 0).
   *
   * @param min the smallest value to show
   * @param max the largest value to show, {@code >= min}
   * @param maxTicks the most ticks wanted, {@code >= 2}
   * @param rangeStart where the domain's lower end lands
   * @param rangeEnd where the domain's upper end lands
   * @return the scale
   * @throws IllegalArgumentException if a value is not finite, {@code max < min} or {@code
   *     maxTicks < 2}
   */
  public static LinearScale nice(
      double min, double max, int maxTicks, double rangeStart, double rangeEnd) {
    checkFinite(min, "min");
    checkFinite(max, "max");
    checkArgument(max >= min, "max must be >= min: %s .. %s", min, max);
    checkArgument(maxTicks >= 2, "at least 2 ticks are needed: %s", maxTicks);
    double lo = min;
    double hi = max;
    if (lo == hi) {
      if (lo == 0) {
        hi = 1;
      } else if (lo > 0) {
        lo = 0;
      } else {
        hi = 0;
      }
    }
    // a domain on both sides of 0 has at least the ticks -step, 0 and step
    int most = lo < 0 && hi > 0 ? Math.max(3, maxTicks) : maxTicks;
    BigDecimal step = step(hi - lo, most);
    while (true) {
      BigDecimal niceLo = floorTo(lo, step);
      BigDecimal niceHi = ceilTo(hi, step);
      long count =
          niceHi.subtract(niceLo).divide(step, 0, RoundingMode.UNNECESSARY).longValue() + 1;
      if (count <= most) {
        return new LinearScale(
            niceLo.doubleValue(),
            niceHi.doubleValue(),
            rangeStart,
            rangeEnd,
            niceLo,
            step,
            (int) count,
            maxTicks);
      }
      step = nextStep(step);
    }
  }

  /**
   * Returns the smallest step of the form 1, 2 or 5 times a power of ten that splits {@code span}
   * into at most {@code maxTicks - 1} intervals.
   *
   * @param span the length of the domain, {@code > 0}
   * @param maxTicks the most ticks wanted, {@code >= 2}
   * @return the step, exact
   * @throws IllegalArgumentException if the span is not positive and finite, {@code maxTicks <
   *     2}, or the step would be below {@link Double#MIN_NORMAL}
   */
  public static BigDecimal step(double span, int maxTicks) {
    checkArgument(span > 0 && Double.isFinite(span), "span must be positive and finite: %s", span);
    checkArgument(maxTicks >= 2, "at least 2 ticks are needed: %s", maxTicks);
    double raw = span / (maxTicks - 1);
    if (raw < Double.MIN_NORMAL) {
      throw new IllegalArgumentException(
          "span is too small for " + maxTicks + " ticks: " + span);
    }
    int exponent = (int) Math.floor(Math.log10(raw));
    BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
    // a billionth of slack, so that a raw step of 0.2 computed as 0.2000000000000000111 is 0.2
    BigDecimal rawExact = new BigDecimal(raw).multiply(BigDecimal.ONE.subtract(TOLERANCE));
    for (int m : MULTIPLIERS) {
      BigDecimal candidate = power.multiply(BigDecimal.valueOf(m));
      if (candidate.compareTo(rawExact) >= 0) {
        return candidate.stripTrailingZeros();
      }
    }
    return power.scaleByPowerOfTen(1).stripTrailingZeros();
  }

  /** The next nice step after {@code step}: 1 → 2 → 5 → 10. */
  private static BigDecimal nextStep(BigDecimal step) {
    BigDecimal unscaled = new BigDecimal(step.unscaledValue());
    int scale = step.scale();
    int digit = unscaled.intValueExact();
    BigDecimal next =
        switch (digit) {
          case 1 -> BigDecimal.valueOf(2);
          case 2 -> BigDecimal.valueOf(5);
          default -> BigDecimal.TEN;
        };
    return next.scaleByPowerOfTen(-scale).stripTrailingZeros();
  }

  private static BigDecimal floorTo(double value, BigDecimal step) {
    return multiples(value, step, RoundingMode.FLOOR).multiply(step);
  }

  private static BigDecimal ceilTo(double value, BigDecimal step) {
    return multiples(value, step, RoundingMode.CEILING).multiply(step);
  }

  /**
   * Returns {@code value / step} rounded by {@code mode}, except that when {@code value} is the
   * double nearest to a multiple of {@code step} (within half an ulp), that multiple: the double
   * 0.4 (a little above four tenths) is four steps of 0.1, not a little more.
   */
  private static BigDecimal multiples(double value, BigDecimal step, RoundingMode mode) {
    if (value == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal exact = new BigDecimal(value);
    BigDecimal nearest = exact.divide(step, 0, RoundingMode.HALF_EVEN);
    BigDecimal halfUlp = new BigDecimal(Math.ulp(value) / 2);
    if (nearest.multiply(step).subtract(exact).abs().compareTo(halfUlp) <= 0) {
      return nearest;
    }
    return exact.divide(step, 0, mode);
  }

  /**
   * Maps a value to the output range (values outside the domain map outside the range).
   *
   * @param value a finite value
   * @return the position
   * @throws IllegalArgumentException if the value is not finite
   */
  public double apply(double value) {
    checkFinite(value, "value");
    return rangeStart + (value - domainMin) / (domainMax - domainMin) * (rangeEnd - rangeStart);
  }

  /**
   * Maps a value to the output range, clamped to the domain first.
   *
   * @param value a finite value
   * @return the position, within the range
   * @throws IllegalArgumentException if the value is not finite
   */
  public double applyClamped(double value) {
    checkFinite(value, "value");
    return apply(Math.max(domainMin, Math.min(domainMax, value)));
  }

  /**
   * Returns the lower end of the domain.
   *
   * @return the smallest value of the domain
   */
  public double domainMin() {
    return domainMin;
  }

  /**
   * Returns the upper end of the domain.
   *
   * @return the largest value of the domain
   */
  public double domainMax() {
    return domainMax;
  }

  /**
   * Returns the ticks: every multiple of the nice step for at most {@code maxTicks} ticks that
   * lies in the domain, lowest first, with labels written by {@code format}. For a scale made by
   * {@link #nice} with the same {@code maxTicks}, these are the ticks that bound its domain.
   *
   * @param maxTicks the most ticks wanted, {@code >= 2}
   * @param format how labels are written
   * @return the ticks, at most {@code maxTicks} of them
   * @throws IllegalArgumentException if {@code maxTicks < 2}
   */
  public ImmutableList<Tick> ticks(int maxTicks, TickFormat format) {
    checkNotNull(format, "format");
    if (niceLo != null && niceStep != null && maxTicks == niceMaxTicks) {
      // the ticks nice() chose, computed exactly rather than from the rounded domain
      ImmutableList.Builder<Tick> out = ImmutableList.builder();
      for (int i = 0; i < niceCount; i++) {
        out.add(tick(niceLo.add(niceStep.multiply(BigDecimal.valueOf(i))), format));
      }
      return out.build();
    }
    BigDecimal step = step(domainMax - domainMin, maxTicks);
    BigDecimal lo = ceilTo(domainMin, step);
    BigDecimal hi = floorTo(domainMax, step);
    while (hi.subtract(lo).divide(step, 0, RoundingMode.FLOOR).longValue() + 1 > maxTicks) {
      step = nextStep(step);
      lo = ceilTo(domainMin, step);
      hi = floorTo(domainMax, step);
    }
    ImmutableList.Builder<Tick> out = ImmutableList.builder();
    for (BigDecimal v = lo; v.compareTo(hi) <= 0; v = v.add(step)) {
      out.add(tick(v, format));
    }
    return out.build();
  }

  private Tick tick(BigDecimal v, TickFormat format) {
    BigDecimal exact = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    return new Tick(exact, apply(exact.doubleValue()), format.format(exact));
  }

  private static void checkFinite(double v, String what) {
    checkArgument(Double.isFinite(v), "%s must be finite: %s", what, v);
  }

  /**
   * Formats as the domain and range.
   *
   * @return e.g. {@code "LinearScale[0.0..100.0 -> 200.0..0.0]"}
   */
  @Override
  public String toString() {
    return "LinearScale[" + domainMin + ".." + domainMax + " -> " + rangeStart + ".." + rangeEnd
        + "]";
  }
}
