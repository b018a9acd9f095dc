package dev.salesmetrics.aggregate;

import static com.google.common.base.Preconditions.checkNotNull;
import static dev.salesmetrics.aggregate.Columns.NO_INSTANT;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.salesmetrics.model.SurveyResponse;
import dev.salesmetrics.model.SurveyScale;
import java.time.Instant;
import java.util.Arrays;
import javax.annotation.Nullable;

/**
 * Appends survey responses to a {@link ColumnStore}, one row at a time, straight into columns: set
 * the fields of a row, then {@link #endRow()}; or {@link #add(SurveyResponse)} a whole record. Get
 * one from {@link ColumnStore.Builder#responses()}. Rows are checked by the rules of {@link
 * SurveyResponse} when they end, as {@link DealAppender} describes. Not thread safe.
 */
@SuppressWarnings("JavaInstantGetSecondsGetNano") // instants are kept as second and nano
public final class ResponseAppender {
  static final byte NPS = 1;
  static final byte CSAT = 2;

  private int capacity = 256;
  int size;
  private boolean sealed;
  final Columns.Text customers = new Columns.Text();
  final Columns.Instants responded = new Columns.Instants();
  byte[] scores = new byte[capacity];
  byte[] scales = new byte[capacity];

  @Nullable private String customer;
  private long respondedSecond = NO_INSTANT;
  private int respondedNano;
  private int score;
  @Nullable private SurveyScale scale;

  ResponseAppender() {}

  /**
   * Sets the customer who answered.
   *
   * @param customerId the customer, not blank
   * @return this appender
   */
  @CanIgnoreReturnValue
  public ResponseAppender customer(String customerId) {
    this.customer = checkNotNull(customerId, "customerId");
    return this;
  }

  /**
   * Sets {@code responded_at}.
   *
   * @param epochSecond the epoch second
   * @param nano the nanosecond of the second
   * @return this appender
   */
  @CanIgnoreReturnValue
  public ResponseAppender respondedAt(long epochSecond, int nano) {
    this.respondedSecond = epochSecond;
    this.respondedNano = nano;
    return this;
  }

  /**
   * Sets the score and its scale.
   *
   * @param value the score, within the scale
   * @param surveyScale NPS (0 to 10) or CSAT (1 to 5)
   * @return this appender
   */
  @CanIgnoreReturnValue
  public ResponseAppender score(int value, SurveyScale surveyScale) {
    this.score = value;
    this.scale = checkNotNull(surveyScale, "scale");
    return this;
  }

  /**
   * Checks the row by the rules of {@link SurveyResponse} and appends it; see {@link
   * DealAppender#endRow()}.
   *
   * @throws IllegalArgumentException with the message {@link SurveyResponse} gives, if a rule is
   *     broken
   * @throws NullPointerException if a field was not set
   * @throws IllegalStateException if the store was built
   */
  public void endRow() {
    checkOpen();
    try {
      if (customer != null
          && Columns.plain(customer)
          && scale != null
          && respondedSecond != NO_INSTANT
          && respondedNano >= 0
          && respondedNano <= 999_999_999
          && score >= scale.min()
          && score <= scale.max()) {
        append(customer, respondedSecond, respondedNano, score, scale);
      } else {
        add(
            new SurveyResponse(
                customer,
                respondedSecond == NO_INSTANT
                    ? null
                    : Instant.ofEpochSecond(respondedSecond, respondedNano),
                score,
                scale));
      }
    } finally {
      customer = null;
      respondedSecond = NO_INSTANT;
      respondedNano = 0;
      score = 0;
      scale = null;
    }
  }

  /**
   * Appends a whole response.
   *
   * @param response the response
   * @return this appender
   * @throws IllegalStateException if the store was built
   */
  @CanIgnoreReturnValue
  public ResponseAppender add(SurveyResponse response) {
    checkOpen();
    checkNotNull(response, "response");
    append(
        response.customerId(),
        response.respondedAt().getEpochSecond(),
        response.respondedAt().getNano(),
        response.score(),
        response.scale());
    return this;
  }

  private void append(String customerId, long second, int nano, int value, SurveyScale s) {
    if (size == capacity) {
      capacity *= 2;
      customers.grow(capacity);
      responded.grow(capacity);
      scores = Arrays.copyOf(scores, capacity);
      scales = Arrays.copyOf(scales, capacity);
    }
    int r = size;
    customers.set(r, capacity, customerId);
    responded.set(r, capacity, second, nano);
    scores[r] = (byte) value;
    scales[r] = s == SurveyScale.NPS ? NPS : CSAT;
    size = r + 1;
  }

  private void checkOpen() {
    if (sealed) {
      throw new IllegalStateException("the column store of this appender was built");
    }
  }

  /** Trims the columns to size; no row is appended afterwards. */
  void seal() {
    if (sealed) {
      return;
    }
    sealed = true;
    customers.trim(size);
    responded.trim(size);
    if (scores.length != size) {
      scores = Arrays.copyOf(scores, size);
      scales = Arrays.copyOf(scales, size);
    }
  }

  /**
   * Returns how many rows were appended.
   *
   * @return the row count
   */
  public int size() {
    return size;
  }

  /** The response of row {@code r}, as a record. */
  SurveyResponse response(int r) {
    return new SurveyResponse(
        customers.value(r),
        responded.instant(r),
        scores[r],
        scales[r] == NPS ? SurveyScale.NPS : SurveyScale.CSAT);
  }

  /** The bytes the columns hold (not the dictionaries). */
  long columnBytes() {
    return customers.bytes() + responded.bytes() + 2L * scores.length;
  }
}
