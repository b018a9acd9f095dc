package dev.salesmetrics.spark;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.salesmetrics.io.CsvFile;
import dev.salesmetrics.metric.Metric;
import dev.salesmetrics.model.Customer;
import dev.salesmetrics.model.Deal;
import dev.salesmetrics.model.Lead;
import dev.salesmetrics.model.Order;
import dev.salesmetrics.model.SurveyResponse;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns each catalogue metric's Spark function takes, by their interchange names, and the
 * SQL type of each column. A kernel metric takes what its kernel reads through its row view; a
 * metric without a kernel takes the columns its record needs (the required columns of its file)
 * and those its definition reads. A view refuses to read a column it was not given, so a list
 * that misses a column fails every test of its metric instead of computing something else.
 */
final class Arguments {
  private Arguments() {}

  private static final ImmutableList<String> DEAL =
      ImmutableList.copyOf(CsvFile.DEALS.requiredColumns());
  private static final ImmutableList<String> ORDER =
      ImmutableList.<String>builder().addAll(CsvFile.ORDERS.requiredColumns()).add("status").build();
  private static final ImmutableList<String> LEAD =
      ImmutableList.copyOf(CsvFile.LEADS.requiredColumns());
  private static final ImmutableList<String> CUSTOMER =
      ImmutableList.copyOf(CsvFile.CUSTOMERS.requiredColumns());

  private static final ImmutableMap<String, ImmutableList<String>> BY_METRIC =
      ImmutableMap.<String, ImmutableList<String>>builder()
          // deals, kernels
          .put("deals_won", cols("status", "closed_at"))
          .put("sales_volume", cols("status", "closed_at", "amount", "currency"))
          .put("win_rate", cols("status", "closed_at"))
          .put("win_rate.all_created", cols("status", "created_at"))
          .put("average_deal_size", cols("status", "closed_at", "amount", "currency"))
          .put("pipeline_value", cols("status", "created_at", "closed_at", "amount", "currency"))
          .put("sales_velocity", cols("status", "created_at", "closed_at", "amount", "currency"))
          // deals, records
          .put("sales_cycle", plus(DEAL, "closed_at"))
          .put("weighted_pipeline", plus(DEAL, "closed_at", "stage", "probability"))
          // orders, kernels
          .put("revenue", cols("status", "placed_at", "amount", "currency"))
          .put("orders", cols("status", "placed_at"))
          .put("average_order_value", cols("status", "placed_at", "amount", "currency"))
          .put("revenue_growth", cols("status", "placed_at", "amount", "currency"))
          .put("units_sold", cols("status", "placed_at", "product", "quantity"))
          // orders, records
          .put("revenue_per_buyer", ORDER)
          .put("purchase_frequency", ORDER)
          .put("repeat_purchase_rate", ORDER)
          .put("historic_clv", ORDER)
          .put("product_revenue_share", plus(ORDER, "product", "quantity"))
          // leads
          .put("leads_created", cols("created_at"))
          .put("lead_contact_completeness", cols("created_at", "name", "email", "phone"))
          .put("lead_conversion_rate", cols("created_at", "converted_at"))
          .put("lead_score", plus(LEAD, "name", "email", "phone", "source", "first_contact_at"))
          .put("lead_time_to_convert", plus(LEAD, "converted_at"))
          .put("lead_time_to_first_contact", plus(LEAD, "first_contact_at"))
          // customers
          .put("new_customers", cols("signed_up_at"))
          .put("activation_rate", cols("signed_up_at", "activated_at"))
          .put("churn_rate", cols("signed_up_at", "cancelled_at"))
          .put("churn_rate.with_new", cols("signed_up_at", "cancelled_at"))
          .put("retention_rate", cols("signed_up_at", "cancelled_at"))
          .put("cohort_retention", plus(CUSTOMER, "cancelled_at"))
          // survey responses
          .put("nps", cols("responded_at", "score", "scale"))
          .put("csat", cols("responded_at", "score", "scale"))
          .buildOrThrow();

  private static final ImmutableSet<String> INSTANTS =
      ImmutableSet.of(
          "created_at", "closed_at", "placed_at", "first_contact_at", "converted_at",
          "signed_up_at", "activated_at", "cancelled_at", "responded_at", "entered_at");

  private static ImmutableList<String> cols(String... names) {
    return ImmutableList.copyOf(names);
  }

  private static ImmutableList<String> plus(List<String> base, String... more) {
    return ImmutableList.<String>builder().addAll(base).add(more).build();
  }

  /** The columns of a metric's function, or empty for a metric no function computes alone. */
  static Optional<ImmutableList<String>> of(Metric<?, ?> metric) {
    ImmutableList<String> cols = BY_METRIC.get(metric.id());
    if (cols == null || fileOf(metric).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(cols);
  }

  /** The schema file of the one kind of record a metric reads. */
  static Optional<CsvFile> fileOf(Metric<?, ?> metric) {
    Class<?> type = metric.recordType();
    if (!metric.recordKinds().equals(ImmutableSet.of(type))) {
      return Optional.empty(); // several kinds, or the stage history of deals
    }
    if (type == Deal.class) {
      return Optional.of(CsvFile.DEALS);
    } else if (type == Order.class) {
      return Optional.of(CsvFile.ORDERS);
    } else if (type == Lead.class) {
      return Optional.of(CsvFile.LEADS);
    } else if (type == Customer.class) {
      return Optional.of(CsvFile.CUSTOMERS);
    } else if (type == SurveyResponse.class) {
      return Optional.of(CsvFile.RESPONSES);
    }
    return Optional.empty();
  }

  /** Tells whether a column holds an instant. */
  static boolean isInstant(String column) {
    return INSTANTS.contains(column);
  }

  /** The SQL type of a column as a function argument. */
  static DataType typeOf(String column) {
    if (isInstant(column)) {
      return DataTypes.TimestampType;
    }
    return switch (column) {
      case "probability" -> DataTypes.DoubleType;
      case "score" -> DataTypes.IntegerType;
      case "quantity" -> DataTypes.LongType;
      default -> DataTypes.StringType;
    };
  }

  /** The input schema of a function of these columns. */
  static StructType schema(List<String> columns) {
    StructField[] fields = new StructField[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = DataTypes.createStructField(columns.get(i), typeOf(columns.get(i)), true);
    }
    return DataTypes.createStructType(fields);
  }
}
