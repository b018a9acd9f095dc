package dev.salesmetrics.benchmarks;

import dev.salesmetrics.model.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Random;
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
 * Money parsing and summing against the {@link BigDecimal} code a developer would write by hand.
 *
 * <p>Each operation handles a batch of {@value #N} amounts, so scores are per batch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MoneyBenchmark {
  static final int N = 1024;

  String[] texts;
  Money[] amounts;
  BigDecimal[] decimals;
  Currency usd;

  /** Builds {@value #N} amounts between 0.00 and 9,999.99 USD from a fixed seed. */
  @Setup
  public void setUp() {
    Random random = new Random(42);
    usd = Currency.getInstance("USD");
    texts = new String[N];
    amounts = new Money[N];
    decimals = new BigDecimal[N];
    for (int i = 0; i < N; i++) {
      long cents = random.nextInt(1_000_000);
      amounts[i] = Money.ofMinor(cents, usd);
      texts[i] = amounts[i].toPlainString();
      decimals[i] = amounts[i].toBigDecimal();
    }
  }

  /**
   * Parses the batch with {@link Money#of(String, Currency)}.
   *
   * @return the sum of the parsed minor units
   */
  @Benchmark
  public long parseMoney() {
    long sum = 0;
    for (String text : texts) {
      sum += Money.of(text, usd).minorUnits();
    }
    return sum;
  }

  /**
   * Baseline: parses the batch with {@code new BigDecimal(text)}.
   *
   * @return the sum of the parsed values
   */
  @Benchmark
  public BigDecimal parseBigDecimal() {
    BigDecimal sum = BigDecimal.ZERO;
    for (String text : texts) {
      sum = sum.add(new BigDecimal(text));
    }
    return sum;
  }

  /**
   * Sums the batch with the overflow-checked {@link Money#plus}.
   *
   * @return the total
   */
  @Benchmark
  public Money sumMoney() {
    Money sum = Money.zero(usd);
    for (Money amount : amounts) {
      sum = sum.plus(amount);
    }
    return sum;
  }

  /**
   * Baseline: sums the batch with {@link BigDecimal#add}.
   *
   * @return the total
   */
  @Benchmark
  public BigDecimal sumBigDecimal() {
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal amount : decimals) {
      sum = sum.add(amount);
    }
    return sum;
  }
}
