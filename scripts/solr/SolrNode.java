/*
 * One SolrCloud node in its own JVM, for scripts/solrcloud (searcher's local test cluster).
 *
 * Usage: java -cp CLASSPATH SolrNode PORT SOLR_HOME ZK_HOST
 *        java -cp CLASSPATH SolrNode --zk-put ZK_HOST ZNODE FILE
 *
 * The node is Solr's own server (dispatch filter, core container, ZooKeeper registration) run
 * by the test framework's embedded Jetty runner, listening on 127.0.0.1:PORT under /solr. It
 * registers with the ZooKeeper at ZK_HOST and keeps its cores in SOLR_HOME (which holds our
 * solr.xml). SIGTERM (or Ctrl-C) stops it cleanly: the shutdown hook stops Jetty, which closes
 * the cores and takes the node out of live_nodes before the JVM exits.
 *
 * --zk-put writes FILE into ZooKeeper at ZNODE (created or replaced): scripts/solrcloud puts
 * /security.json there before the nodes start when the cluster is to require a password.
 */

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

public final class SolrNode {
  private SolrNode() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("--zk-put")) {
      zkPut(args[1], args[2], Path.of(args[3]));
      return;
    }
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

  private static void zkPut(String zkHost, String znode, Path file) throws Exception {
    byte[] data = Files.readAllBytes(file);
    CountDownLatch connected = new CountDownLatch(1);
    Watcher watcher =
        event -> {
          if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
            connected.countDown();
          }
        };
    ZooKeeper zk = new ZooKeeper(zkHost, 15000, watcher);
    try {
      if (!connected.await(30, TimeUnit.SECONDS)) {
        System.err.println("SolrNode: cannot connect to ZooKeeper at " + zkHost);
        System.exit(1);
      }
      if (zk.exists(znode, false) == null) {
        zk.create(znode, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      } else {
        zk.setData(znode, data, -1);
      }
    } finally {
      zk.close();
    }
  }
}
