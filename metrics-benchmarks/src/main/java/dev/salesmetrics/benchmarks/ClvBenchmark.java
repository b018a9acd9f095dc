package dev.salesmetrics.benchmarks;

import dev.salesmetrics.clv.BgNbdFit;
import dev.salesmetrics.clv.BgNbdModel;
import dev.salesmetrics.clv.ClvHorizon;
import dev.salesmetrics.clv.ClvTimeUnit;
import dev.salesmetrics.clv.GammaGammaModel;
import dev.salesmetrics.clv.LifetimeValue;
import dev.salesmetrics.clv.RfmData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Predictive CLV: BG/NBD fits and per-customer predictions at the scale of a large customer base.
 *
 * <p>Data are drawn from the BG/NBD model at the CDNOW maximum-likelihood parameters (weeks),
 * with ages spread like CDNOW's (27 to 39 weeks) and a fixed seed. The "cdnow-like" set has
 * 2,357 customers; the large sets have {@value #MILLION}. For the one-million fit the simulated
 * times are rounded to whole days, as data built from dated transactions are, and collapsed into
 * weighted rows before fitting (the collapse is timed too).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ClvBenchmark {
  static final int MILLION = 1_000_000;

  BgNbdModel model;
  LifetimeValue lifetimeValue;
  ClvHorizon horizon;
  RfmData cdnowLike;
  RfmData millionDaily;
  int[] x;
  double[] recency;
  double[] age;

  /** Simulates the data sets from fixed seeds. */
  @Setup
  public void setUp() {
    model = new BgNbdModel(0.24259289, 4.41353152, 0.79288608, 2.42575356, ClvTimeUnit.WEEK);
    lifetimeValue =
        new LifetimeValue(model, new GammaGammaModel(6.24880314, 3.74458839, 15.4477463));
    horizon = ClvHorizon.months(12).withDiscountRate(0.01);
    cdnowLike = model.simulate(ages(2357), 42);
    RfmData million = model.simulate(ages(MILLION), 43);
    RfmData.Builder daily = RfmData.builder(ClvTimeUnit.WEEK);
    x = new int[MILLION];
    recency = new double[MILLION];
    age = new double[MILLION];
    for (int i = 0; i < MILLION; i++) {
      double bigT = Math.rint(million.age(i) * 7) / 7;
      double tx = Math.min(bigT, Math.rint(million.recency(i) * 7) / 7);
      x[i] = million.frequency(i);
      recency[i] = tx;
      age[i] = bigT;
      daily.add(x[i], tx, bigT);
    }
    millionDaily = daily.build();
  }

  private static double[] ages(int n) {
    double[] ages = new double[n];
    for (int i = 0; i < n; i++) {
      ages[i] = 27 + 12.0 * i / n;
    }
    return ages;
  }

  /**
   * Fits BG/NBD on 2,357 customers, row by row (target: under 100 ms).
   *
   * @return the fit
   */
  @Benchmark
  public BgNbdFit fitCdnowSize() {
    return BgNbdFit.fit(cdnowLike);
  }

  /**
   * Collapses one million day-grid customers into weighted rows and fits BG/NBD (target: under
   * 10 s).
   *
   * @return the fit
   */
  @Benchmark
  public BgNbdFit fitMillion() {
    return BgNbdFit.fit(millionDaily.collapse());
  }

  /**
   * P(alive) and expected purchases over 52 weeks for one million customers (target: under 1 s).
   *
   * @return a checksum of the predictions
   */
  @Benchmark
  public double predictMillion() {
    double sum = 0;
    for (int i = 0; i < MILLION; i++) {
      sum += model.probabilityAlive(x[i], recency[i], age[i]);
      sum += model.expectedPurchases(52, x[i], recency[i], age[i]);
    }
    return sum;
  }

  /**
   * Twelve-month discounted CLV for one million customers (twelve expectations each).
   *
   * @return the total value
   */
  @Benchmark
  public double lifetimeValueMillion() {
    double sum = 0;
    for (int i = 0; i < MILLION; i++) {
      sum += lifetimeValue.value(x[i], recency[i], age[i], 35, horizon);
    }
    return sum;
  }
}
