package dev.salesmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.salesmetrics.time.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Instants compared as second and nanosecond agree with {@link Instant} and {@link Duration}. */
class WindowBoundsProperties {
  /** Instants near 2024 to the nanosecond, and a few near the ends of time. */
  private static Gen<Instant> instants() {
    Gen<Long> seconds = longs().between(1_704_067_200L - 400_000, 1_704_067_200L + 400_000);
    Gen<Integer> nanos = integers().between(0, 999_999_999);
    Gen<Integer> pick = integers().between(0, 20);
    return in -> {
      int p = pick.generate(in);
      if (p == 0) {
        return Instant.MIN.plusNanos(nanos.generate(in));
      } else if (p == 1) {
        return Instant.MAX.minusNanos(nanos.generate(in));
      }
      return Instant.ofEpochSecond(seconds.generate(in), p % 3 == 0 ? 0 : nanos.generate(in));
    };
  }

  @Test
  void compareAndContainsAgreeWithInstant() {
    qt().withExamples(2000)
        .forAll(instants(), instants(), instants())
        .checkAssert(
            (a, b, t) -> {
              assertThat(
                      Integer.signum(
                          WindowBounds.compare(
                              a.getEpochSecond(), a.getNano(), b.getEpochSecond(), b.getNano())))
                  .isEqualTo(Integer.signum(a.compareTo(b)));
              if (a.isBefore(b)) {
                Period p = Period.ofInstants(a, b, ZoneOffset.UTC);
                WindowBounds w = WindowBounds.of(Window.of(p));
                assertThat(w.contains(t.getEpochSecond(), t.getNano())).isEqualTo(p.contains(t));
                assertThat(Integer.signum(w.compareToStart(t.getEpochSecond(), t.getNano())))
                    .isEqualTo(Integer.signum(t.compareTo(a)));
                assertThat(Integer.signum(w.compareToEnd(t.getEpochSecond(), t.getNano())))
                    .isEqualTo(Integer.signum(t.compareTo(b)));
              }
            });
  }

  @Test
  void millisBetweenIsDurationToMillis() {
    qt().withExamples(2000)
        .forAll(instants(), instants())
        .checkAssert(
            (a, b) -> {
              Object expected;
              try {
                expected = Duration.between(a, b).toMillis();
              } catch (ArithmeticException e) {
                expected = ArithmeticException.class;
              }
              Object actual;
              try {
                actual =
                    WindowBounds.millisBetween(
                        a.getEpochSecond(), a.getNano(), b.getEpochSecond(), b.getNano());
              } catch (ArithmeticException e) {
                actual = ArithmeticException.class;
              }
              assertThat(actual).as("%s to %s", a, b).isEqualTo(expected);
            });
  }
}
