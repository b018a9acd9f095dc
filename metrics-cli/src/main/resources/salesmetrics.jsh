// Salesmetrics JShell start-up: imports the API and loads a data set into variables.
// `salesmetrics shell` runs it; `salesmetrics shell --data DIR` loads interchange CSV files or CRM
// exports (with --mapping, --date-order, --separator, --lenient) instead of the sample data.
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

Dataset data = dev.salesmetrics.cli.ShellData.load();
List<Rep> reps = data.reps();
List<Quota> quotas = data.quotas();
List<Lead> leads = data.leads();
List<Deal> deals = data.deals();
List<Order> orders = data.orders();
List<Customer> customers = data.customers();
List<Campaign> campaigns = data.campaigns();
List<SurveyResponse> responses = data.responses();
System.out.println("Loaded " + dev.salesmetrics.cli.ShellData.source() + " into data, reps, quotas, leads, deals, orders, customers, campaigns, responses");
System.out.println("Try: Query.of(deals).groupBy(data.team()).metrics(Metrics.WIN_RATE).run().print()");
