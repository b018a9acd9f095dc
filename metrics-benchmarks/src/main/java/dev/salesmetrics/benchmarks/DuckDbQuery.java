package dev.salesmetrics.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The DuckDB side of the load benchmarks: {@code read_csv} of a deals.csv and the GROUP BY of
 * win rate, sales volume and average deal size by rep and month of {@code closed_at} (UTC), as
 * {@code salesmetrics compute --metrics win_rate,sales_volume,average_deal_size --by rep --period
 * month} computes them. Run as a program it prints the row count and the time, for a whole-process
 * comparison: {@code java -cp benchmarks.jar dev.salesmetrics.benchmarks.DuckDbQuery DIR/deals.csv
 * 2}.
 */
public final class DuckDbQuery {
  /** The query; {@code %s} is the file. */
  static final String SQL =
      "SELECT rep_id, date_trunc('month', closed_at) AS m,"
          + " count(*) FILTER (WHERE status = 'won') / count(*) AS win_rate,"
          + " sum(amount) FILTER (WHERE status = 'won') AS sales_volume,"
          + " avg(amount) FILTER (WHERE status = 'won') AS average_deal_size"
          + " FROM read_csv('%s', header = true, timestampformat = '%%Y-%%m-%%dT%%H:%%M:%%SZ',"
          + " types = {'amount': 'DECIMAL(18,2)', 'closed_at': 'TIMESTAMP'})"
          + " WHERE status IN ('won', 'lost') GROUP BY ALL";

  private DuckDbQuery() {}

  /**
   * Runs the query on a fresh in-memory DuckDB.
   *
   * @param file the deals.csv
   * @param threads DuckDB's threads
   * @return the rows: rep, month, win rate, sales volume, average deal size
   * @throws SQLException if DuckDB fails
   */
  public static List<Object[]> run(Path file, int threads) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery(String.format(SQL, file.toAbsolutePath()))) {
        while (r.next()) {
          rows.add(
              new Object[] {
                r.getString(1), r.getObject(2), r.getDouble(3), r.getBigDecimal(4), r.getDouble(5)
              });
        }
      }
      return rows;
    }
  }

  /**
   * Runs the query once and prints the number of groups and the time.
   *
   * @param args the deals.csv and the thread count
   * @throws SQLException if DuckDB fails
   */
  public static void main(String[] args) throws SQLException {
    long t0 = System.nanoTime();
    List<Object[]> rows = run(Path.of(args[0]), Integer.parseInt(args[1]));
    System.out.println(rows.size() + " groups in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }
}
