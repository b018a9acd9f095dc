package dev.salesmetrics.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.salesmetrics.model.DealStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * How a directory of CRM exports maps onto the interchange schema: a {@link ColumnMapping} per
 * file, the zone of local times and the cell separator, read from a small text file or taken from
 * a preset ({@code hubspot}, {@code salesforce}).
 *
 * <pre>{@code
 * # deals exported from our CRM through Excel with German settings
 * zone = Europe/Berlin
 * separator = ;
 *
 * [deals.csv]
 * column Deal ID = deal_id
 * column Owner = rep_id
 * column Value = amount
 * default currency = EUR
 * column Created = created_at
 * column Closed = closed_at
 * column Status = status
 * status Gewonnen = won
 * status Verloren = lost
 * status Offen = open
 * date order = DMY
 * decimal separator = ,
 * }</pre>
 *
 * <p>Lines are {@code key = value}; empty lines and lines starting with {@code #} are skipped.
 * Before the first section: {@code zone} (a zone id) and {@code separator} ({@code ,}, {@code ;},
 * {@code tab} or {@code |}). A section {@code [deals.csv]} (or {@code [deals]}) maps one schema
 * file; its keys: {@code preset} (first, to start from {@code hubspot} or {@code salesforce}),
 * {@code column <header> = <column>}, {@code default <column> = <value>}, {@code stage <stage> =
 * open|won|lost}, {@code status <value> = open|won|lost}, {@code percent = <column>}, {@code date
 * order = MDY|DMY|YMD|detect}, {@code date pattern = <pattern>}, {@code decimal separator = .|,},
 * {@code multiple ids <column> = first|reject}, {@code close date of open deals = ignore|keep},
 * {@code report footer = skip|keep}. Keys are case-insensitive. Every mistake is a {@link
 * MappingFileException} naming the file and line. See {@code docs/CSV.md}.
 *
 * <p>Immutable and thread safe.
 */
public final class MappingFile {
  private final String name;
  private final ImmutableMap<CsvFile, ColumnMapping> mappings;
  @Nullable private final ZoneId zone;
  @Nullable private final Character separator;

  private MappingFile(
      String name,
      Map<CsvFile, ColumnMapping> mappings,
      @Nullable ZoneId zone,
      @Nullable Character separator) {
    this.name = name;
    this.mappings = ImmutableMap.copyOf(mappings);
    this.zone = zone;
    this.separator = separator;
  }

  /**
   * Returns a preset: {@code hubspot} maps deals.csv with {@link ColumnMapping#hubspotDeals()},
   * {@code salesforce} with {@link ColumnMapping#salesforceOpportunities()}.
   *
   * @param preset the preset's name, case-insensitive
   * @return the mapping of deals.csv
   * @throws IllegalArgumentException for an unknown name, naming the presets
   */
  public static MappingFile preset(String preset) {
    ColumnMapping deals = ColumnMapping.preset(preset);
    return new MappingFile(
        preset.strip().toLowerCase(Locale.ROOT), Map.of(CsvFile.DEALS, deals), null, null);
  }

  /**
   * Returns the preset of that name if there is one ({@link ColumnMapping#presetNames()}), else
   * reads the mapping file at that path: what a {@code --mapping hubspot|salesforce|FILE} option
   * means.
   *
   * @param presetOrPath a preset's name or a file's path
   * @return the mapping
   * @throws IOException if the file cannot be read
   * @throws MappingFileException if the file is not a valid mapping
   */
  public static MappingFile presetOrFile(String presetOrPath) throws IOException {
    checkNotNull(presetOrPath, "presetOrPath");
    if (ColumnMapping.presetNames().contains(presetOrPath.strip().toLowerCase(Locale.ROOT))) {
      return preset(presetOrPath);
    }
    return read(Path.of(presetOrPath));
  }

  /**
   * Reads a mapping file (UTF-8).
   *
   * @param path the file
   * @return the mapping
   * @throws IOException if the file cannot be read
   * @throws MappingFileException naming the line of the first mistake
   */
  public static MappingFile read(Path path) throws IOException {
    checkNotNull(path, "path");
    Path fileName = path.getFileName();
    return parse(
        fileName == null ? path.toString() : fileName.toString(),
        Files.readString(path, StandardCharsets.UTF_8));
  }

  /**
   * Parses the text of a mapping file.
   *
   * @param fileName the name used in messages
   * @param text the text
   * @return the mapping
   * @throws MappingFileException naming the line of the first mistake
   */
  public static MappingFile parse(String fileName, String text) {
    checkNotNull(fileName, "fileName");
    checkNotNull(text, "text");
    return new Parser(fileName).parse(text);
  }

  /**
   * Returns the name: the preset's, or the file's.
   *
   * @return e.g. {@code "hubspot"} or {@code "crm.mapping"}
   */
  public String name() {
    return name;
  }

  /**
   * Returns the mapping of each file the mapping file has a section for.
   *
   * @return file to mapping; files not in it are read as the interchange schema
   */
  public Map<CsvFile, ColumnMapping> mappings() {
    return mappings;
  }

  /**
   * Returns the zone of local times the file gives.
   *
   * @return the zone, or empty
   */
  public Optional<ZoneId> zone() {
    return Optional.ofNullable(zone);
  }

  /**
   * Returns the cell separator the file gives.
   *
   * @return the separator, or empty (each file's is detected)
   */
  public Optional<Character> separator() {
    return Optional.ofNullable(separator);
  }

  /**
   * Returns {@code options} with this file's mappings, and its zone and separator when it gives
   * them.
   *
   * @param options the options to extend (strict or lenient)
   * @return the options
   */
  public CsvOptions applyTo(CsvOptions options) {
    CsvOptions out = checkNotNull(options, "options").withMappings(mappings);
    if (zone != null) {
      out = out.withZone(zone);
    }
    if (separator != null) {
      out = out.withSeparator(separator);
    }
    return out;
  }

  /**
   * Describes the mapping.
   *
   * @return e.g. {@code MappingFile[hubspot: deals.csv]}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("MappingFile[").append(name).append(':');
    for (CsvFile file : mappings.keySet()) {
      sb.append(' ').append(file.fileName());
    }
    if (zone != null) {
      sb.append(", zone=").append(zone);
    }
    if (separator != null) {
      sb.append(", separator=").append(Separators.name(separator));
    }
    return sb.append(']').toString();
  }

  /** Reads the lines of one mapping file. */
  private static final class Parser {
    private static final List<String> TOP_KEYS = List.of("zone", "separator");
    private static final List<String> SECTION_KEYS =
        List.of(
            "preset",
            "column <header>",
            "default <column>",
            "stage <stage>",
            "status <value>",
            "percent",
            "date order",
            "date pattern",
            "decimal separator",
            "multiple ids <column>",
            "close date of open deals",
            "report footer");

    private final String file;
    private final Map<CsvFile, ColumnMapping.Builder> builders = new EnumMap<>(CsvFile.class);
    private final Map<CsvFile, Integer> sectionLines = new EnumMap<>(CsvFile.class);
    @Nullable private ZoneId zone;
    @Nullable private Character separator;
    @Nullable private CsvFile section;
    private boolean sectionHasKeys;
    private int line;

    Parser(String file) {
      this.file = file;
    }

    MappingFile parse(String text) {
      String[] lines = text.split("\r\n|\r|\n", -1);
      for (int i = 0; i < lines.length; i++) {
        line = i + 1;
        String raw = lines[i];
        if (i == 0 && raw.startsWith("\uFEFF")) {
          raw = raw.substring(1);
        }
        String l = raw.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        if (l.startsWith("[")) {
          section(l);
        } else {
          entry(l);
        }
      }
      Map<CsvFile, ColumnMapping> mappings = new EnumMap<>(CsvFile.class);
      for (Map.Entry<CsvFile, ColumnMapping.Builder> e : builders.entrySet()) {
        line = sectionLines.get(e.getKey());
        try {
          mappings.put(e.getKey(), e.getValue().build());
        } catch (IllegalArgumentException ex) {
          throw error("[" + e.getKey().fileName() + "]: " + ex.getMessage(), ex);
        }
      }
      return new MappingFile(file, mappings, zone, separator);
    }

    private MappingFileException error(String reason) {
      return error(reason, null);
    }

    private MappingFileException error(String reason, @Nullable Throwable cause) {
      return new MappingFileException(file, line, reason, cause);
    }

    private void section(String l) {
      if (!l.endsWith("]")) {
        throw error("a section line must end with ']': \"" + l + "\"");
      }
      String name = l.substring(1, l.length() - 1).strip().toLowerCase(Locale.ROOT);
      String fileName = name.endsWith(".csv") ? name : name + ".csv";
      Optional<CsvFile> found = CsvFile.ofFileName(fileName);
      if (found.isEmpty()) {
        StringBuilder names = new StringBuilder();
        for (CsvFile f : CsvFile.values()) {
          names.append(names.length() == 0 ? "" : ", ").append(f.fileName());
        }
        throw error("unknown file [" + name + "] (files: " + names + ")");
      }
      section = found.get();
      if (builders.containsKey(section)) {
        throw error(
            "[" + section.fileName() + "] is given twice (first on line "
                + sectionLines.get(section) + ")");
      }
      builders.put(section, ColumnMapping.builder());
      sectionLines.put(section, line);
      sectionHasKeys = false;
    }

    private void entry(String l) {
      int eq = l.indexOf('=');
      if (eq < 0) {
        throw error("expected key = value: \"" + l + "\"");
      }
      String key = l.substring(0, eq).strip().replaceAll("\\s+", " ");
      String lowerKey = key.toLowerCase(Locale.ROOT);
      String value = l.substring(eq + 1).strip();
      if (section == null) {
        top(lowerKey, key, value);
        return;
      }
      ColumnMapping.Builder b = builders.get(section);
      try {
        sectionEntry(b, l, key, lowerKey, value);
      } catch (MappingFileException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw error(String.valueOf(e.getMessage()), e);
      }
      sectionHasKeys = true;
    }

    private void top(String lowerKey, String key, String value) {
      switch (lowerKey) {
        case "zone" -> {
          try {
            zone = ZoneId.of(value);
          } catch (DateTimeException e) {
            throw error("unknown zone \"" + value + "\" (a zone id like Europe/Berlin)", e);
          }
        }
        case "separator" -> separator = separatorOf(value);
        default -> {
          String hint =
              SECTION_KEYS.stream().anyMatch(k -> lowerKey.startsWith(firstWords(k)))
                  ? ": it belongs in a section such as [deals.csv]"
                  : " (keys before the first section: " + String.join(", ", TOP_KEYS) + ")";
          throw error("unknown key \"" + key + "\"" + hint);
        }
      }
    }

    /** A key without its {@code <argument>}: {@code "column"} of {@code "column <header>"}. */
    private static String firstWords(String key) {
      int arg = key.indexOf(" <");
      return arg < 0 ? key : key.substring(0, arg);
    }

    private char separatorOf(String value) {
      String v = value.toLowerCase(Locale.ROOT);
      if (v.equals("tab") || v.equals("\\t")) {
        return '\t';
      }
      if (v.length() == 1 && ",;|".contains(v)) {
        return v.charAt(0);
      }
      throw error("separator must be ',', ';', tab or '|': \"" + value + "\"");
    }

    private void sectionEntry(
        ColumnMapping.Builder b, String l, String key, String lowerKey, String value) {
      CsvFile file = section;
      if (lowerKey.equals("preset")) {
        if (sectionHasKeys) {
          throw error("preset must come first in [" + file.fileName() + "], before other keys");
        }
        if (file != CsvFile.DEALS) {
          throw error("the presets map deals.csv, not " + file.fileName());
        }
        builders.put(file, ColumnMapping.preset(value).toBuilder());
        return;
      }
      if (lowerKey.startsWith("column ")) {
        int last = l.lastIndexOf('=');
        String header = l.substring("column ".length(), last).strip();
        String column = l.substring(last + 1).strip().toLowerCase(Locale.ROOT);
        b.rename(header, schemaColumn(file, column));
        return;
      }
      if (lowerKey.startsWith("default ")) {
        String column = key.substring("default ".length()).strip().toLowerCase(Locale.ROOT);
        b.defaultValue(schemaColumn(file, column), value);
        return;
      }
      if (lowerKey.startsWith("stage ") || lowerKey.startsWith("status ")) {
        boolean stage = lowerKey.startsWith("stage ");
        if (file != CsvFile.DEALS) {
          throw error(
              "\"" + (stage ? "stage" : "status") + "\" maps deal statuses: it belongs in"
                  + " [deals.csv]");
        }
        int last = l.lastIndexOf('=');
        String name = l.substring((stage ? "stage " : "status ").length(), last).strip();
        DealStatus status = DealStatus.parse(l.substring(last + 1).strip());
        if (stage) {
          b.stageStatus(name, status);
        } else {
          b.statusValue(name, status);
        }
        return;
      }
      if (lowerKey.startsWith("multiple ids ")) {
        String column = key.substring("multiple ids ".length()).strip().toLowerCase(Locale.ROOT);
        b.multiValue(
            schemaColumn(file, column),
            switch (value.toLowerCase(Locale.ROOT)) {
              case "first" -> ColumnMapping.MultiValue.FIRST;
              case "reject" -> ColumnMapping.MultiValue.REJECT;
              default -> throw error("multiple ids must be first or reject: \"" + value + "\"");
            });
        return;
      }
      switch (lowerKey) {
        case "percent" -> b.percent(schemaColumn(file, value.toLowerCase(Locale.ROOT)));
        case "date order" -> {
          if (value.equalsIgnoreCase("detect")) {
            b.detectDateOrder();
          } else {
            try {
              b.dateOrder(DateOrder.parse(value));
            } catch (IllegalArgumentException e) {
              throw error("date order must be MDY, DMY, YMD or detect: \"" + value + "\"", e);
            }
          }
        }
        case "date pattern" -> b.dateTimePattern(value);
        case "decimal separator" -> {
          if (value.length() != 1) {
            throw error("decimal separator must be '.' or ',': \"" + value + "\"");
          }
          b.decimalSeparator(value.charAt(0));
        }
        case "close date of open deals" ->
            b.closeDateOnlyWhenClosed(choice(value, "ignore", "keep"));
        case "report footer" -> b.skipReportFooter(choice(value, "skip", "keep"));
        default ->
            throw error(
                "unknown key \"" + key + "\" in [" + file.fileName() + "] (keys: "
                    + String.join(", ", SECTION_KEYS) + ")");
      }
    }

    private boolean choice(String value, String yes, String no) {
      if (value.equalsIgnoreCase(yes)) {
        return true;
      }
      if (value.equalsIgnoreCase(no)) {
        return false;
      }
      throw error("expected " + yes + " or " + no + ": \"" + value + "\"");
    }

    private String schemaColumn(CsvFile file, String column) {
      if (!file.columns().contains(column)) {
        throw error(
            file.fileName() + " has no column \"" + column + "\" (columns: "
                + String.join(", ", file.columns()) + ")");
      }
      return column;
    }
  }
}
