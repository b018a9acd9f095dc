package dev.salesmetrics.clv;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-customer recency-frequency-monetary summaries in column form, the input of model fitting:
 * for each row the number of repeat purchases {@code x}, the recency {@code t_x} (time from the
 * first to the last purchase), the age {@code T} (time from the first purchase to the end of
 * calibration), the mean value of the repeat purchases {@code zbar} (0 when {@code x = 0}) and a
 * positive weight (the number of customers the row stands for).
 *
 * <p>Times are in {@link #unit()}. Rules checked on every row: {@code x >= 0}, {@code 0 <= t_x <=
 * T}, {@code t_x = 0} when {@code x = 0}, {@code zbar >= 0}, weight {@code > 0}, all finite.
 * Immutable and thread safe; built with {@link #builder(ClvTimeUnit)}. The arrays are held
 * privately, so a fit over a million rows costs no more than the columns themselves.
 */
public final class RfmData {
  private final ClvTimeUnit unit;
  private final int[] frequency;
  private final double[] recency;
  private final double[] age;
  private final double[] meanSpend;
  private final double[] weight;

  private RfmData(
      ClvTimeUnit unit,
      int[] frequency,
      double[] recency,
      double[] age,
      double[] meanSpend,
      double[] weight) {
    this.unit = unit;
    this.frequency = frequency;
    this.recency = recency;
    this.age = age;
    this.meanSpend = meanSpend;
    this.weight = weight;
  }

  /**
   * Starts an empty data set in the given time unit.
   *
   * @param unit the unit of recency and age
   * @return a new builder
   */
  public static Builder builder(ClvTimeUnit unit) {
    return new Builder(checkNotNull(unit, "unit"));
  }

  /**
   * Returns the time unit of recency and age.
   *
   * @return the unit
   */
  public ClvTimeUnit unit() {
    return unit;
  }

  /**
   * Returns the number of rows.
   *
   * @return the row count
   */
  public int size() {
    return frequency.length;
  }

  /**
   * Returns the number of repeat purchases {@code x} of a row.
   *
   * @param row the row index
   * @return {@code x >= 0}
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public int frequency(int row) {
    return frequency[row];
  }

  /**
   * Returns the recency {@code t_x} of a row in {@link #unit()}.
   *
   * @param row the row index
   * @return {@code t_x}
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public double recency(int row) {
    return recency[row];
  }

  /**
   * Returns the age {@code T} of a row in {@link #unit()}.
   *
   * @param row the row index
   * @return {@code T}
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public double age(int row) {
    return age[row];
  }

  /**
   * Returns the mean repeat-purchase value {@code zbar} of a row, 0 when {@code x = 0}.
   *
   * @param row the row index
   * @return {@code zbar >= 0}
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public double meanSpend(int row) {
    return meanSpend[row];
  }

  /**
   * Returns the weight of a row: how many identical customers it stands for.
   *
   * @param row the row index
   * @return the weight, {@code > 0}
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public double weight(int row) {
    return weight[row];
  }

  /**
   * Returns the sum of the weights: the number of customers.
   *
   * @return the total weight, 0 when empty
   */
  public double totalWeight() {
    double sum = 0;
    for (double w : weight) {
      sum += w;
    }
    return sum;
  }

  /**
   * Returns the same customers with identical rows {@code (x, t_x, T, zbar)} merged into one row
   * whose weight is the sum of theirs. Likelihoods and fits are unchanged; fitting is faster when
   * times are on a grid (whole days). Rows keep the order of their first occurrence.
   *
   * @return the collapsed data
   */
  public RfmData collapse() {
    Map<Key, Integer> index = new HashMap<>();
    Builder out = new Builder(unit);
    for (int i = 0; i < size(); i++) {
      Key key = new Key(frequency[i], recency[i], age[i], meanSpend[i]);
      Integer at = index.get(key);
      if (at == null) {
        index.put(key, out.size);
        out.append(frequency[i], recency[i], age[i], meanSpend[i], weight[i]);
      } else {
        out.weight[at] += weight[i];
      }
    }
    return out.build();
  }

  /**
   * Returns the same customers with times converted to another unit ({@code t_x} and {@code T}
   * multiplied by {@code unit.days() / target.days()}).
   *
   * @param target the new unit
   * @return the converted data, or this when the unit is already {@code target}
   */
  public RfmData inUnit(ClvTimeUnit target) {
    checkNotNull(target, "target");
    if (target == unit) {
      return this;
    }
    double factor = (double) unit.days() / target.days();
    double[] newRecency = new double[size()];
    double[] newAge = new double[size()];
    for (int i = 0; i < size(); i++) {
      newRecency[i] = recency[i] * factor;
      newAge[i] = age[i] * factor;
    }
    return new RfmData(target, frequency, newRecency, newAge, meanSpend, weight);
  }

  private record Key(int frequency, double recency, double age, double meanSpend) {}

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "RfmData[%d rows, %s customers, unit=%s]", size(), totalWeight(), unit.id());
  }

  /** Accumulates rows of an {@link RfmData}; not thread safe. */
  public static final class Builder {
    private final ClvTimeUnit unit;
    private int size;
    private int[] frequency = new int[16];
    private double[] recency = new double[16];
    private double[] age = new double[16];
    private double[] meanSpend = new double[16];
    private double[] weight = new double[16];

    private Builder(ClvTimeUnit unit) {
      this.unit = unit;
    }

    /**
     * Adds one customer without spend (for purchase models only; {@code zbar} is 0).
     *
     * @param x the number of repeat purchases
     * @param recency {@code t_x}
     * @param age {@code T}
     * @return this builder
     * @throws IllegalArgumentException if the row breaks a rule of {@link RfmData}
     */
    @CanIgnoreReturnValue
    public Builder add(int x, double recency, double age) {
      return add(x, recency, age, 0, 1);
    }

    /**
     * Adds one customer.
     *
     * @param x the number of repeat purchases
     * @param recency {@code t_x}
     * @param age {@code T}
     * @param meanSpend {@code zbar}, the mean value of the repeat purchases (0 when x = 0)
     * @return this builder
     * @throws IllegalArgumentException if the row breaks a rule of {@link RfmData}
     */
    @CanIgnoreReturnValue
    public Builder add(int x, double recency, double age, double meanSpend) {
      return add(x, recency, age, meanSpend, 1);
    }

    /**
     * Adds a row standing for {@code weight} identical customers.
     *
     * @param x the number of repeat purchases
     * @param recency {@code t_x}
     * @param age {@code T}
     * @param meanSpend {@code zbar}, the mean value of the repeat purchases (0 when x = 0)
     * @param weight how many customers the row stands for, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if the row breaks a rule of {@link RfmData}
     */
    @CanIgnoreReturnValue
    public Builder add(int x, double recency, double age, double meanSpend, double weight) {
      if (x < 0) {
        throw new IllegalArgumentException("frequency must be >= 0: " + x);
      }
      if (!(recency >= 0) || !Double.isFinite(recency)) {
        throw new IllegalArgumentException("recency must be finite and >= 0: " + recency);
      }
      if (!(age >= recency) || !Double.isFinite(age)) {
        throw new IllegalArgumentException(
            "age must be finite and >= recency " + recency + ": " + age);
      }
      if (x == 0 && recency != 0) {
        throw new IllegalArgumentException("recency must be 0 when frequency is 0: " + recency);
      }
      if (!(meanSpend >= 0) || !Double.isFinite(meanSpend)) {
        throw new IllegalArgumentException("mean spend must be finite and >= 0: " + meanSpend);
      }
      if (!(weight > 0) || !Double.isFinite(weight)) {
        throw new IllegalArgumentException("weight must be finite and > 0: " + weight);
      }
      append(x, recency, age, meanSpend, weight);
      return this;
    }

    private void append(int x, double t, double bigT, double zbar, double w) {
      if (size == frequency.length) {
        int capacity = size * 2;
        frequency = Arrays.copyOf(frequency, capacity);
        recency = Arrays.copyOf(recency, capacity);
        age = Arrays.copyOf(age, capacity);
        meanSpend = Arrays.copyOf(meanSpend, capacity);
        weight = Arrays.copyOf(weight, capacity);
      }
      frequency[size] = x;
      recency[size] = t;
      age[size] = bigT;
      meanSpend[size] = zbar;
      weight[size] = w;
      size++;
    }

    /**
     * Returns the rows added so far as an immutable data set; the builder can go on.
     *
     * @return the data
     */
    public RfmData build() {
      return new RfmData(
          unit,
          Arrays.copyOf(frequency, size),
          Arrays.copyOf(recency, size),
          Arrays.copyOf(age, size),
          Arrays.copyOf(meanSpend, size),
          Arrays.copyOf(weight, size));
    }
  }
}
