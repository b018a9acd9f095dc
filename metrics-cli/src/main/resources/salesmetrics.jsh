// Salesmetrics JShell start-up: imports the API and loads a data set into variables.
// `salesmetrics shell` runs it; `salesmetrics shell --data DIR` loads interchange CSV files
// (system property salesmetrics.data) instead of the built-in sample data.
import dev.salesmetrics.aggregate.*;
import dev.salesmetrics.io.*;
import dev.salesmetrics.metric.*;
import dev.salesmetrics.model.*;
import dev.salesmetrics.rule.*;
import dev.salesmetrics.time.*;
import dev.salesmetrics.time.Period;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.stream.*;

String dataDir = System.getProperty("salesmetrics.data", "");
Dataset data = dataDir.isEmpty() ? SampleData.generate(SampleData.DEFAULT_SEED) : Dataset.load(Path.of(dataDir)).value();
List<Rep> reps = data.reps();
List<Quota> quotas = data.quotas();
List<Lead> leads = data.leads();
List<Deal> deals = data.deals();
List<Order> orders = data.orders();
List<Customer> customers = data.customers();
List<Campaign> campaigns = data.campaigns();
List<SurveyResponse> responses = data.responses();
System.out.println("Loaded " + (dataDir.isEmpty() ? "the sample data" : dataDir) + " into data, reps, quotas, leads, deals, orders, customers, campaigns, responses");
System.out.println("Try: Query.of(deals).groupBy(Dimension.REP).metrics(Metrics.WIN_RATE).run().print()");
