package dev.salesmetrics.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Writes a generated data set of any size as interchange CSV files, row by row, holding no record:
 * memory stays flat however many rows are asked for. See {@link SampleData#writeCsv(Path, long,
 * SampleData.Counts)} for what the data looks like.
 */
final class ScaledSample {
  static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
  private static final long START = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  private static final long END = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  private static final long DAY = 86_400L;

  private static final String[] TEAMS = {"North", "South", "East", "West", "Central"};
  private static final String[] REGIONS = {"Americas", "EMEA", "APAC", "Americas", "EMEA"};
  private static final String[] NAMES = {
    "Ada", "Ben", "Chloe", "Dana", "Eli", "Fay", "Gus", "Hana", "Ivan", "Jo", "Kai", "Lena", "Milo",
    "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Vik", "Wen", "Xavi", "Yara", "Zed"
  };
  private static final String[] SURNAMES = {
    "Abbott", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen",
    "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Patel", "Quist", "Rossi", "Silva", "Tanaka"
  };
  private static final String[] COMPANIES = {
    "Acme", "Birch", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Indigo", "Juniper"
  };
  private static final String[] SOURCES = {"website", "referral", "outbound", "partner"};
  private static final String[] STAGES = {"lead", "qualified", "proposal", "negotiation"};
  private static final String[] PROBABILITIES = {"0.1", "0.2", "0.5", "0.7"};
  private static final String[] DEAL_PRODUCTS = {"platform", "analytics", "services"};
  private static final String[] PRODUCTS = {"starter", "pro", "enterprise"};
  private static final long[] PRICE_CENTS = {4_900, 19_900, 89_900};

  private final SampleData.Counts counts;
  private final long seed;
  private final int reps;
  /** Each rep's chance of winning a closed deal. */
  private final double[] skill;

  ScaledSample(SampleData.Counts counts, long seed) {
    this.counts = counts;
    this.seed = seed;
    this.reps = repsFor(counts.deals());
    SplittableRandom r = new SplittableRandom(seed);
    this.skill = new double[reps];
    for (int i = 0; i < reps; i++) {
      skill[i] = 0.15 + 0.35 * r.nextDouble();
    }
  }

  /** 10 reps, one more per 5,000 deals, at most 200. */
  static int repsFor(long deals) {
    return (int) Math.max(10, Math.min(200, (deals + 4_999) / 5_000));
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    writeReps(dir.resolve(CsvFile.REPS.fileName()));
    if (counts.deals() > 0) {
      writeDeals(dir.resolve(CsvFile.DEALS.fileName()));
    }
    if (counts.leads() > 0) {
      writeLeads(dir.resolve(CsvFile.LEADS.fileName()));
    }
    if (counts.customers() > 0) {
      writeCustomers(dir.resolve(CsvFile.CUSTOMERS.fileName()));
    }
    if (counts.orders() > 0) {
      writeOrders(dir.resolve(CsvFile.ORDERS.fileName()));
    }
  }

  private static Writer open(Path file, CsvFile schema) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    w.write(String.join(",", schema.columns()));
    w.write('\n');
    return w;
  }

  private String rep(int i) {
    return String.format(java.util.Locale.ROOT, "R%03d", i + 1);
  }

  private void writeReps(Path file) throws IOException {
    try (Writer w = open(file, CsvFile.REPS)) {
      SplittableRandom r = new SplittableRandom(seed ^ 0x52455053L);
      for (int i = 0; i < reps; i++) {
        LocalDate hired = FIRST_DAY.minusDays(r.nextInt(0, 1_500));
        line(w, rep(i), NAMES[i % NAMES.length] + " " + SURNAMES[(i / NAMES.length + i)
            % SURNAMES.length], TEAMS[i % TEAMS.length], REGIONS[i % REGIONS.length],
            hired.toString());
      }
    }
  }

  private void writeDeals(Path file) throws IOException {
    SplittableRandom r = new SplittableRandom(seed ^ 0x4445414CL);
    StringBuilder sb = new StringBuilder(160);
    try (Writer w = open(file, CsvFile.DEALS)) {
      for (long d = 1; d <= counts.deals(); d++) {
        int rep = r.nextInt(reps);
        long created = START + r.nextLong(END - START - DAY);
        String status = "open";
        long closed = 0;
        if (r.nextInt(100) < 85) {
          // most deals close after one to four months, if before the data's end
          long at = created + DAY * (7 + r.nextInt(113)) + r.nextInt((int) DAY);
          if (at < END) {
            closed = at;
            status = r.nextDouble() < skill[rep] ? "won" : "lost";
          }
        }
        // amounts of 1,000 to 250,000 USD, log-uniform, in whole dollars
        long dollars = Math.round(Math.exp(Math.log(1_000) + r.nextDouble() * Math.log(250)));
        boolean open = status.equals("open");
        int stage = r.nextInt(STAGES.length);
        sb.setLength(0);
        sb.append('D').append(pad(d, 9)).append(",R").append(pad(rep + 1, 3)).append(',');
        if (!open || r.nextInt(20) != 0) {
          sb.append(dollars).append(".00,USD");
        } else {
          sb.append(','); // an open deal without an amount yet
        }
        sb.append(',').append(Instant.ofEpochSecond(created)).append(',').append(status)
            .append(',');
        if (!open) {
          sb.append(Instant.ofEpochSecond(closed));
        }
        sb.append(',');
        if (open) {
          sb.append(STAGES[stage]).append(',').append(PROBABILITIES[stage]);
        } else {
          sb.append(',');
        }
        sb.append(',');
        if (status.equals("won") && counts.customers() > 0) {
          sb.append('C').append(pad(1 + r.nextLong(counts.customers()), 9));
        }
        sb.append(',');
        if (counts.leads() > 0 && r.nextBoolean()) {
          sb.append('L').append(pad(1 + r.nextLong(counts.leads()), 9));
        }
        sb.append(',').append(DEAL_PRODUCTS[r.nextInt(DEAL_PRODUCTS.length)]).append('\n');
        w.append(sb);
      }
    }
  }

  private void writeLeads(Path file) throws IOException {
    SplittableRandom r = new SplittableRandom(seed ^ 0x4C454144L);
    try (Writer w = open(file, CsvFile.LEADS)) {
      for (long l = 1; l <= counts.leads(); l++) {
        long created = START + r.nextLong(END - START - 2 * DAY);
        String name = NAMES[r.nextInt(NAMES.length)] + " " + SURNAMES[r.nextInt(SURNAMES.length)];
        String company = COMPANIES[r.nextInt(COMPANIES.length)] + " " + (1 + r.nextInt(999));
        boolean contacted = r.nextInt(100) < 80;
        long contact = created + r.nextInt((int) DAY);
        boolean converted = contacted && r.nextInt(100) < 28;
        long converts = contact + r.nextInt((int) DAY);
        line(w, "L" + pad(l, 9), Instant.ofEpochSecond(created).toString(),
            rep(r.nextInt(reps)), name,
            r.nextInt(10) < 8 ? name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.')
                + "@example.com" : "",
            r.nextInt(10) < 6 ? "+1-555-" + pad(r.nextInt(10_000), 4) : "",
            company, SOURCES[r.nextInt(SOURCES.length)], "",
            contacted ? Instant.ofEpochSecond(contact).toString() : "",
            converted ? Instant.ofEpochSecond(converts).toString() : "",
            converted && counts.customers() > 0
                ? "C" + pad(1 + r.nextLong(counts.customers()), 9) : "");
      }
    }
  }

  private void writeCustomers(Path file) throws IOException {
    SplittableRandom r = new SplittableRandom(seed ^ 0x43555354L);
    try (Writer w = open(file, CsvFile.CUSTOMERS)) {
      for (long c = 1; c <= counts.customers(); c++) {
        long signed = START + r.nextLong(END - START - 2 * DAY);
        boolean activated = r.nextInt(100) < 80;
        long active = signed + r.nextLong(14 * DAY);
        long cancel = active + DAY * (30 + r.nextInt(700));
        boolean cancelled = activated && r.nextInt(100) < 25 && cancel < END;
        line(w, "C" + pad(c, 9), Instant.ofEpochSecond(signed).toString(),
            activated && active < END ? Instant.ofEpochSecond(active).toString() : "",
            cancelled ? Instant.ofEpochSecond(cancel).toString() : "",
            rep(r.nextInt(reps)), "");
      }
    }
  }

  private void writeOrders(Path file) throws IOException {
    SplittableRandom r = new SplittableRandom(seed ^ 0x4F524452L);
    long customers = Math.max(1, counts.customers());
    try (Writer w = open(file, CsvFile.ORDERS)) {
      for (long o = 1; o <= counts.orders(); o++) {
        int product = r.nextInt(PRODUCTS.length);
        long quantity = 1L + (r.nextInt(4) == 0 ? r.nextInt(5) : 0);
        long cents = PRICE_CENTS[product] * quantity;
        line(w, "O" + pad(o, 10), "C" + pad(1 + r.nextLong(customers), 9),
            Instant.ofEpochSecond(START + r.nextLong(END - START - DAY)).toString(),
            cents / 100 + "." + pad(cents % 100, 2), "USD",
            r.nextInt(50) == 0 ? "refunded" : "paid", rep(r.nextInt(reps)), PRODUCTS[product],
            Long.toString(quantity));
      }
    }
  }

  private static void line(Writer w, String... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(cells[i]);
    }
    w.write('\n');
  }

  private static String pad(long n, int width) {
    String s = Long.toString(n);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
