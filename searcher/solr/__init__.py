"""searcher on SolrCloud: the configset shipped with the package and the HTTP client.

``client`` is the only module that speaks HTTP to Solr (addresses ``solr://`` and
``solrs://``, credentials, one exception per failure); ``configset/`` holds the schema
and solrconfig.xml that ``client.SolrClient.upload_configset`` sends to a cluster.
"""
