package dev.salesmetrics.aggregate;

import dev.salesmetrics.metric.CustomerRow;
import dev.salesmetrics.metric.DealRow;
import dev.salesmetrics.metric.LeadRow;
import dev.salesmetrics.metric.OrderRow;
import dev.salesmetrics.metric.ResponseRow;
import javax.annotation.Nullable;

/**
 * The row views over the columns of a {@link ColumnStore} segment: a view is pointed at a segment
 * once and at a row by setting {@code row}, and reads the arrays directly. One view per thread.
 */
final class ColumnViews {
  private ColumnViews() {}

  /** A view of deals. */
  static final class Deals implements DealRow {
    int row;
    private byte[] status = new byte[0];
    private long[] createdSeconds = new long[0];
    @Nullable private int[] createdNanos;
    @Nullable private long[] closedSeconds;
    @Nullable private int[] closedNanos;
    private long[] amounts = new long[0];
    private short[] currencies = new short[0];
    @Nullable private double[] probabilities;

    void segment(DealAppender a) {
      status = a.status;
      createdSeconds = a.created.seconds;
      createdNanos = a.created.nanos;
      closedSeconds = a.closed.seconds;
      closedNanos = a.closed.nanos;
      amounts = a.amounts.minor;
      currencies = a.amounts.currency;
      probabilities = a.probabilities;
    }

    @Override
    public boolean won() {
      return status[row] == DealAppender.WON;
    }

    @Override
    public boolean lost() {
      return status[row] == DealAppender.LOST;
    }

    @Override
    public boolean closed() {
      return status[row] != DealAppender.OPEN;
    }

    @Override
    public long createdAtSecond() {
      return createdSeconds[row];
    }

    @Override
    public int createdAtNano() {
      return createdNanos == null ? 0 : createdNanos[row];
    }

    @Override
    public long closedAtSecond() {
      return closedSeconds == null ? Columns.NO_INSTANT : closedSeconds[row];
    }

    @Override
    public int closedAtNano() {
      return closedNanos == null ? 0 : closedNanos[row];
    }

    @Override
    public boolean hasAmount() {
      return currencies[row] != 0;
    }

    @Override
    public long amountMinor() {
      return amounts[row];
    }

    @Override
    public long amountMinorIf(boolean read) {
      return amounts[row] & -(read ? 1L : 0L);
    }

    @Override
    public int currency() {
      return currencies[row];
    }

    @Override
    public int currencyIf(boolean read) {
      return currencies[row] & -(read ? 1 : 0);
    }

    @Override
    public boolean hasProbability() {
      return probabilities != null && !Double.isNaN(probabilities[row]);
    }

    @Override
    public double probability() {
      return probabilities == null || Double.isNaN(probabilities[row]) ? 0 : probabilities[row];
    }
  }

  /** A view of orders. */
  static final class Orders implements OrderRow {
    int row;
    private OrderAppender segment = new OrderAppender();
    private byte[] status = new byte[0];
    private long[] placedSeconds = new long[0];
    @Nullable private int[] placedNanos;
    private long[] amounts = new long[0];
    private short[] currencies = new short[0];

    void segment(OrderAppender a) {
      segment = a;
      status = a.status;
      placedSeconds = a.placed.seconds;
      placedNanos = a.placed.nanos;
      amounts = a.amounts.minor;
      currencies = a.amounts.currency;
    }

    @Override
    public boolean paid() {
      return status[row] == OrderAppender.PAID;
    }

    @Override
    public long placedAtSecond() {
      return placedSeconds[row];
    }

    @Override
    public int placedAtNano() {
      return placedNanos == null ? 0 : placedNanos[row];
    }

    @Override
    public long amountMinor() {
      return amounts[row];
    }

    @Override
    public long amountMinorIf(boolean read) {
      return amounts[row] & -(read ? 1L : 0L);
    }

    @Override
    public int currency() {
      return currencies[row];
    }

    @Override
    public int currencyIf(boolean read) {
      return currencies[row] & -(read ? 1 : 0);
    }

    @Override
    public long units() {
      return segment.units(row);
    }
  }

  /** A view of leads. */
  static final class Leads implements LeadRow {
    int row;
    private long[] createdSeconds = new long[0];
    @Nullable private int[] createdNanos;
    @Nullable private long[] contactSeconds;
    @Nullable private int[] contactNanos;
    @Nullable private long[] convertedSeconds;
    @Nullable private int[] convertedNanos;
    private byte[] contactFields = new byte[0];

    void segment(LeadAppender a) {
      createdSeconds = a.created.seconds;
      createdNanos = a.created.nanos;
      contactSeconds = a.firstContact.seconds;
      contactNanos = a.firstContact.nanos;
      convertedSeconds = a.converted.seconds;
      convertedNanos = a.converted.nanos;
      contactFields = a.contactFields;
    }

    @Override
    public long createdAtSecond() {
      return createdSeconds[row];
    }

    @Override
    public int createdAtNano() {
      return createdNanos == null ? 0 : createdNanos[row];
    }

    @Override
    public boolean contacted() {
      return contactSeconds != null && contactSeconds[row] != Columns.NO_INSTANT;
    }

    @Override
    public long firstContactAtSecond() {
      return contactSeconds == null ? Columns.NO_INSTANT : contactSeconds[row];
    }

    @Override
    public int firstContactAtNano() {
      return contactNanos == null ? 0 : contactNanos[row];
    }

    @Override
    public boolean converted() {
      return convertedSeconds != null && convertedSeconds[row] != Columns.NO_INSTANT;
    }

    @Override
    public long convertedAtSecond() {
      return convertedSeconds == null ? Columns.NO_INSTANT : convertedSeconds[row];
    }

    @Override
    public int convertedAtNano() {
      return convertedNanos == null ? 0 : convertedNanos[row];
    }

    @Override
    public int contactFieldsPresent() {
      return contactFields[row];
    }
  }

  /** A view of customers. */
  static final class Customers implements CustomerRow {
    int row;
    private long[] signedSeconds = new long[0];
    @Nullable private int[] signedNanos;
    @Nullable private long[] activatedSeconds;
    @Nullable private int[] activatedNanos;
    @Nullable private long[] cancelledSeconds;
    @Nullable private int[] cancelledNanos;

    void segment(CustomerAppender a) {
      signedSeconds = a.signedUp.seconds;
      signedNanos = a.signedUp.nanos;
      activatedSeconds = a.activated.seconds;
      activatedNanos = a.activated.nanos;
      cancelledSeconds = a.cancelled.seconds;
      cancelledNanos = a.cancelled.nanos;
    }

    @Override
    public long signedUpAtSecond() {
      return signedSeconds[row];
    }

    @Override
    public int signedUpAtNano() {
      return signedNanos == null ? 0 : signedNanos[row];
    }

    @Override
    public boolean activated() {
      return activatedSeconds != null && activatedSeconds[row] != Columns.NO_INSTANT;
    }

    @Override
    public long activatedAtSecond() {
      return activatedSeconds == null ? Columns.NO_INSTANT : activatedSeconds[row];
    }

    @Override
    public int activatedAtNano() {
      return activatedNanos == null ? 0 : activatedNanos[row];
    }

    @Override
    public boolean cancelled() {
      return cancelledSeconds != null && cancelledSeconds[row] != Columns.NO_INSTANT;
    }

    @Override
    public long cancelledAtSecond() {
      return cancelledSeconds == null ? Columns.NO_INSTANT : cancelledSeconds[row];
    }

    @Override
    public int cancelledAtNano() {
      return cancelledNanos == null ? 0 : cancelledNanos[row];
    }
  }

  /** A view of survey responses. */
  static final class Responses implements ResponseRow {
    int row;
    private long[] respondedSeconds = new long[0];
    @Nullable private int[] respondedNanos;
    private byte[] scores = new byte[0];
    private byte[] scales = new byte[0];

    void segment(ResponseAppender a) {
      respondedSeconds = a.responded.seconds;
      respondedNanos = a.responded.nanos;
      scores = a.scores;
      scales = a.scales;
    }

    @Override
    public long respondedAtSecond() {
      return respondedSeconds[row];
    }

    @Override
    public int respondedAtNano() {
      return respondedNanos == null ? 0 : respondedNanos[row];
    }

    @Override
    public int score() {
      return scores[row];
    }

    @Override
    public boolean nps() {
      return scales[row] == ResponseAppender.NPS;
    }

    @Override
    public boolean csat() {
      return scales[row] == ResponseAppender.CSAT;
    }
  }
}
