/*
 * One SolrCloud node in its own JVM, for scripts/solrcloud (searcher's local test cluster).
 *
 * Usage: java -cp CLASSPATH SolrNode PORT SOLR_HOME ZK_HOST
 *
 * The node is Solr's own server (dispatch filter, core container, ZooKeeper registration) run
 * by the test framework's embedded Jetty runner, listening on 127.0.0.1:PORT under /solr. It
 * registers with the ZooKeeper at ZK_HOST and keeps its cores in SOLR_HOME (which holds our
 * solr.xml). SIGTERM (or Ctrl-C) stops it cleanly: the shutdown hook stops Jetty, which closes
 * the cores and takes the node out of live_nodes before the JVM exits.
 */

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

public final class SolrNode {
  private SolrNode() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: SolrNode PORT SOLR_HOME ZK_HOST");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path home = Path.of(args[1]).toAbsolutePath();
    String zkHost = args[2];
    if (!Files.isRegularFile(home.resolve("solr.xml"))) {
      System.err.println("SolrNode: no solr.xml in " + home);
      System.exit(2);
    }
    // Solr reads these as system properties (cloud mode, the node's address, its home).
    System.setProperty("zkHost", zkHost);
    System.setProperty("host", "127.0.0.1");
    System.setProperty("solr.solr.home", home.toString());

    // Properties substituted into solr.xml (${zkHost}, ${host}); the runner adds hostPort.
    Properties nodeProperties = new Properties();
    nodeProperties.setProperty("zkHost", zkHost);
    nodeProperties.setProperty("host", "127.0.0.1");

    JettyConfig config =
        JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(false).build();
    JettySolrRunner node = new JettySolrRunner(home.toString(), nodeProperties, config);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.stop();
                    System.out.println("SolrNode: stopped " + port);
                  } catch (Exception e) {
                    e.printStackTrace();
                  } finally {
                    stopped.countDown();
                  }
                },
                "solrnode-stop"));

    try {
      node.start();
    } catch (Exception e) {
      System.err.println("SolrNode: cannot start on port " + port + ": " + e);
      e.printStackTrace();
      Runtime.getRuntime().halt(1);
    }
    if (node.getCoreContainer() == null || node.getCoreContainer().isShutDown()) {
      System.err.println("SolrNode: Solr did not start on port " + port + " (see solr.log)");
      Runtime.getRuntime().halt(1);
    }
    System.out.println("SolrNode: up on 127.0.0.1:" + port + " as " + node.getNodeName());
    stopped.await();
  }
}
