"""The only module that speaks HTTP to Solr: addresses, credentials, requests, errors.

An address names a SolrCloud collection: ``solr://HOST:PORT/COLLECTION`` (HTTP) or
``solrs://HOST:PORT/COLLECTION`` (HTTPS), optionally ``solr://USER:PASSWORD@HOST:PORT/...``.
Without credentials in the address, ``SEARCHER_SOLR_USER`` and ``SEARCHER_SOLR_PASSWORD``
are used when set (HTTP Basic authentication). ``SEARCHER_SOLR_CA`` names a CA bundle for
a cluster whose certificate is signed by a private authority. The password is never
printed: ``Address.display`` leaves it out.

Every failure is a ``SolrError`` (a ``SearcherError``) whose message is one line saying
what happened and what to do; answers that leave a shard out (``partialResults``) are
errors too, so a partial answer is never taken for a complete one. Standard library only
(urllib, json): nothing here needs more than one HTTP request at a time.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.client
import io
import json
import os
import re
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources

from searcher.errors import SearcherError

# The version of the configset (searcher/solr/configset/): the schema's name is
# "searcher-<version>", read back from a collection by check_configset(). Bump both together.
CONFIGSET_VERSION = 2
CONFIGSET_NAME = f"searcher-{CONFIGSET_VERSION}"

SCHEMES = {"solr": "http", "solrs": "https"}
DEFAULT_PORTS = {"solr": 8983, "solrs": 443}
TIMEOUT = 30.0  # s, for a query or an update batch
ADMIN_TIMEOUT = 300.0  # s, for creating or deleting a collection
ENV_USER, ENV_PASSWORD, ENV_CA = "SEARCHER_SOLR_USER", "SEARCHER_SOLR_PASSWORD", "SEARCHER_SOLR_CA"
ENV_TIMEOUT = "SEARCHER_SOLR_TIMEOUT"  # s, overrides TIMEOUT


# -- errors ----------------------------------------------------------------------------------


class SolrError(SearcherError):
    """A Solr request failed; the message is one line for the user."""


class SolrUnreachable(SolrError):
    """No answer from the host: refused, unknown host, network down, TLS failure."""

    def __init__(self, message: str, delivered: bool = False) -> None:
        super().__init__(message)
        self.delivered = delivered  # the request may have reached Solr (connection lost)


class SolrTimeout(SolrError):
    """Solr did not answer in time."""


class SolrAuthError(SolrError):
    """401 (no or wrong credentials) or 403 (the user may not do this)."""


class SolrNotFound(SolrError):
    """The collection (or alias, or configset) does not exist."""


class SolrUnavailable(SolrError):
    """A shard has no live replica (or an answer left shards out): never a partial result."""

    def __init__(self, message: str, shards: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.shards = list(shards)


class SolrConflict(SolrError):
    """409: a document's _version_ was not the one expected (optimistic concurrency)."""


class SolrRequestError(SolrError):
    """Solr refused the request (a bad query, a bad document, a server error)."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class ConfigsetMismatch(SolrError):
    """The collection was made with another version of searcher's configset."""


# -- addresses -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    scheme: str  # "solr" or "solrs"
    host: str
    port: int
    context: str  # Solr's web context, "/solr" unless the address has more path segments
    collection: str  # "" for a cluster address
    user: str = ""
    password: str = field(default="", repr=False)
    more: tuple[tuple[str, int], ...] = ()  # further nodes: solr://h1:8983,h2:8984/c

    @property
    def nodes(self) -> list[tuple[str, int]]:
        return [(self.host, self.port), *self.more]

    @property
    def base_urls(self) -> list[str]:
        """Every node the address names, the first first."""
        return [f"{SCHEMES[self.scheme]}://{_netloc(h, p)}{self.context}" for h, p in self.nodes]

    @property
    def base_url(self) -> str:
        return self.base_urls[0]

    @property
    def display(self) -> str:
        """The address as the user may see it: never the password."""
        user = f"{urllib.parse.quote(self.user, safe='')}@" if self.user else ""
        hosts = ",".join(_netloc(h, p) for h, p in self.nodes)
        context = "" if self.context == "/solr" else self.context
        return f"{self.scheme}://{user}{hosts}{context}/{self.collection}"

    def with_collection(self, collection: str) -> Address:
        return replace(self, collection=collection)

    def __str__(self) -> str:
        return self.display


def _netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def parse_address(text: str, env: Mapping[str, str] | None = None) -> Address:
    """solr[s]://[USER[:PASSWORD]@]HOST[:PORT][,HOST[:PORT]...][/CONTEXT...]/[COLLECTION].

    The last path segment is the collection (or alias); segments before it are Solr's web
    context (default /solr). Several nodes may be named, separated by commas: requests go
    to the first that answers. Credentials not in the address come from SEARCHER_SOLR_USER
    and SEARCHER_SOLR_PASSWORD.
    """
    env = os.environ if env is None else env
    bad = f"bad Solr address {_hide_password(text)!r} (use solr://HOST:PORT/COLLECTION"
    bad += " or solrs:// for HTTPS)"
    m = re.fullmatch(r"(?s)\s*([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*?)\s*", str(text))
    if not m:
        raise SolrError(bad)
    scheme, netloc, rest = m.group(1).lower(), m.group(2), m.group(3)
    userinfo, _, hostlist = netloc.rpartition("@")
    nodes = []
    for part in hostlist.split(","):
        parts = urllib.parse.urlsplit(f"//{userinfo}@{part}" if userinfo else f"//{part}")
        try:
            nodes.append((parts.hostname, parts.port or DEFAULT_PORTS.get(scheme, 0)))
        except ValueError:
            raise SolrError(bad) from None
    if scheme not in SCHEMES or not all(h for h, _ in nodes):
        raise SolrError(bad)
    parts = urllib.parse.urlsplit(f"{scheme}://{netloc.split(',')[0]}{rest}")
    if parts.query or parts.fragment:
        raise SolrError(bad)
    segments = [urllib.parse.unquote(s) for s in parts.path.split("/") if s]
    collection = segments.pop() if segments else ""
    context = "/" + "/".join(segments) if segments else "/solr"
    if collection and not re.fullmatch(r"[A-Za-z0-9._-]+", collection):
        raise SolrError(
            f"bad collection name {collection!r} in {_hide_password(text)!r}"
            " (letters, digits, '.', '_' and '-' only)"
        )
    user = urllib.parse.unquote(parts.username or "") or env.get(ENV_USER, "")
    if parts.password is not None:
        password = urllib.parse.unquote(parts.password)
    else:
        password = env.get(ENV_PASSWORD, "") if user else ""
    (host, port), *more = nodes
    return Address(scheme, host, port, context, collection, user, password, tuple(more))


def _hide_password(text: str) -> str:
    return re.sub(r"(?<=://)([^/@:]*):[^/@]*@", r"\1:***@", str(text))


# -- the client ------------------------------------------------------------------------------


Params = Mapping[str, object] | Sequence[tuple[str, object]]


def _pairs(params: Params | None) -> list[tuple[str, str]]:
    """Request parameters as (name, value) pairs; a list value repeats the name."""
    if not params:
        return []
    items = params.items() if isinstance(params, Mapping) else params
    out = []
    for k, v in items:
        for x in v if isinstance(v, list | tuple) else [v]:
            if x is None:
                continue
            out.append((k, "true" if x is True else "false" if x is False else str(x)))
    return out


def _default_timeout() -> float:
    try:
        return float(os.environ.get(ENV_TIMEOUT) or TIMEOUT)
    except ValueError:
        raise SolrError(f"{ENV_TIMEOUT} must be a number of seconds") from None


def _escape_term(term: str) -> str:
    """A term for terms.list, which splits on commas and reads backslash escapes."""
    return term.replace("\\", "\\\\").replace(",", "\\,")


class SolrClient:
    """Requests to one SolrCloud cluster, and to the collection of its address.

    Methods return Solr's parsed JSON (plain dicts) or plain values; every failure is a
    SolrError with one line for the user.
    """

    def __init__(self, address: Address | str, timeout: float | None = None) -> None:
        self.address = address if isinstance(address, Address) else parse_address(address)
        self.timeout = _default_timeout() if timeout is None else timeout
        self._headers = {"Accept": "application/json", "User-Agent": "searcher"}
        if self.address.user:
            token = f"{self.address.user}:{self.address.password}".encode()
            self._headers["Authorization"] = "Basic " + base64.b64encode(token).decode("ascii")
        self._bases = self.address.base_urls  # more after discover()
        self._context = None
        if self.address.scheme == "solrs":
            self._context = ssl.create_default_context(cafile=os.environ.get(ENV_CA) or None)

    @property
    def collection(self) -> str:
        if not self.address.collection:
            raise SolrError(
                f"the address {self.address.display} names no collection"
                " (add it: solr://HOST:PORT/COLLECTION)"
            )
        return self.address.collection

    # -- transport ---------------------------------------------------------------------------

    def request(
        self,
        path: str,
        params: Params | None = None,
        *,
        body: bytes | None = None,
        content_type: str = "application/json",
        form: bool = False,
        timeout: float | None = None,
        allow_partial: bool = False,
    ) -> dict:
        """One request to base_url + path; params go in the URL, or as a form body if form.

        Returns the parsed JSON answer. Raises a SolrError for every failure, including an
        answer that says it left shards out (partialResults) unless allow_partial.
        """
        pairs = [*_pairs(params), ("wt", "json")]
        query = ""
        if form and body is None:
            body = urllib.parse.urlencode(pairs).encode()
            content_type = "application/x-www-form-urlencoded; charset=UTF-8"
        else:
            query = "?" + urllib.parse.urlencode(pairs)
        headers = dict(self._headers)
        if body is not None:
            headers["Content-Type"] = content_type
        wait = self.timeout if timeout is None else timeout
        answer = self._failover(path + query, body, headers, wait, retry_lost=body is None or form)
        header = answer.get("responseHeader") or {}
        if header.get("partialResults") and not allow_partial:
            raise SolrUnavailable(
                f"Solr at {self.address.display} returned a partial answer (some shards did not"
                " answer); not shown as complete: check the cluster (every shard needs a live"
                " replica) and try again"
            )
        return answer

    def _failover(
        self, path: str, body: bytes | None, headers: dict, wait: float, retry_lost: bool
    ) -> dict:
        """The parsed answer of the first node that takes the request.

        A node that refuses the connection never saw the request: any request goes to the
        next live node then. A connection lost mid-request, or an answer cut short (a node
        dying as it answers), is retried only if retry_lost (a read: an update may have been
        applied).
        """
        first: SolrError | None = None
        for base in list(self._bases):
            req = urllib.request.Request(
                base + path,
                data=body,
                headers=headers,
                method="POST" if body is not None else "GET",
            )
            try:
                answer = self._parse(self._send(req, path.partition("?")[0], wait), path)
            except (SolrUnreachable, SolrRequestError) as e:
                first = first or e
                delivered = not isinstance(e, SolrUnreachable) or e.delivered
                if delivered and not retry_lost:
                    raise first from None
                continue
            if base != self._bases[0]:
                self._bases.remove(base)
                self._bases.insert(0, base)
            return answer
        assert first is not None
        raise first

    def _parse(self, raw: bytes, path: str) -> dict:
        try:
            return json.loads(raw)
        except ValueError:
            raise SolrRequestError(
                f"Solr at {self._where()} answered {path.partition('?')[0]} with something"
                " not JSON (is this address a Solr server?)"
            ) from None

    def _send(self, req: urllib.request.Request, path: str, wait: float) -> bytes:
        try:
            with urllib.request.urlopen(req, timeout=wait, context=self._context) as resp:
                return resp.read()
        except urllib.error.HTTPError as e:
            raise self._http_error(e, path) from None
        except TimeoutError:
            raise self._timeout(wait) from None
        except urllib.error.URLError as e:
            if isinstance(e.reason, TimeoutError | socket.timeout):
                raise self._timeout(wait) from None
            raise SolrUnreachable(
                f"cannot reach Solr at {self._where()}: {_reason(e.reason)}"
                " (is it running? scripts/solrcloud start starts a local one)"
            ) from None
        except (ConnectionError, http.client.HTTPException) as e:
            raise SolrUnreachable(
                f"lost the connection to Solr at {self._where()}: {e}", delivered=True
            ) from None

    def discover(self) -> list[str]:
        """Learn the cluster's other live nodes, to fall back on when the address's own node
        stops answering; returns their base URLs (the address's first). A user without the
        right to read the cluster's status keeps the address's node only."""
        scheme = SCHEMES[self.address.scheme]
        found = []
        try:
            names = self.live_nodes()
        except SolrAuthError:  # a user who may only search cannot list the nodes
            return list(self._bases)
        for name in names:
            host, _, context = name.partition("_")
            context = urllib.parse.unquote(context).strip("/")
            found.append(f"{scheme}://{host}/{context}" if context else f"{scheme}://{host}")
        self._bases = [self._bases[0], *(b for b in found if b != self._bases[0])]
        return list(self._bases)

    def on(self, collection: str) -> SolrClient:
        """A client for another collection of the same cluster (same nodes, credentials)."""
        other = SolrClient(self.address.with_collection(collection), self.timeout)
        other._bases = list(self._bases)
        return other

    def _where(self) -> str:
        return self.address.with_collection("").display

    def _timeout(self, wait: float) -> SolrTimeout:
        return SolrTimeout(
            f"Solr at {self._where()} did not answer within {wait:g} s"
            " (the cluster may be overloaded or a node hung; try again)"
        )

    def _http_error(self, e: urllib.error.HTTPError, path: str) -> SolrError:
        try:
            text = e.read().decode("utf-8", "replace")
        except OSError:
            text = ""
        msg = ""
        with contextlib.suppress(ValueError, AttributeError):
            err = json.loads(text).get("error") or {}
            msg = str(err.get("msg") or err.get("trace") or "")
        if not msg:  # an HTML page (Jetty, a proxy): its title says enough
            m = re.search(r"<title>(.*?)</title>|<h2>(.*?)</h2>", text, re.S | re.I)
            msg = (m.group(1) or m.group(2)) if m else e.reason or ""
        msg = " ".join(str(msg).split())[:300]
        where = self.address.display
        if e.code == 401:
            return SolrAuthError(
                f"Solr at {self._where()} refused the credentials (401)"
                + (f" of user {self.address.user!r}" if self.address.user else "; it needs some")
                + f": give them as solr://USER:PASSWORD@HOST:PORT/COLLECTION or in {ENV_USER}"
                f" and {ENV_PASSWORD}"
            )
        if e.code == 403:
            who = f"user {self.address.user!r}" if self.address.user else "an anonymous user"
            return SolrAuthError(
                f"Solr at {self._where()} does not allow {who} to do this (403: {msg});"
                " ask the cluster's administrator for the permission"
            )
        if e.code == 409:
            return SolrConflict(f"version conflict at {where}: {msg}")
        shards = re.findall(r"no (?:active )?servers hosting shard:?\s*(\S+)", msg)
        if e.code == 503 or shards:
            names = ", ".join(dict.fromkeys(shards)) or "?"
            return SolrUnavailable(
                f"collection {self.address.collection or '?'} at {self._where()}: shard {names}"
                " has no live replica, so the answer would be incomplete (restart the node that"
                " holds it, then try again)"
                if shards
                else f"Solr at {self._where()} is unavailable (503: {msg}); try again",
                shards,
            )
        missing = re.search(
            r"(?:Collection|collection)[: ]+'?([^\s']+?)'? (?:not found|does not exist)"
            r"|Could not find collection ?: ?(\S+)|Can not find: /solr/([^/\s]+)",
            msg,
        )
        if e.code == 404 or missing:
            name = next((g for g in missing.groups() if g), "") if missing else ""
            name = name or self.address.collection or path
            return SolrNotFound(
                f"no collection {name!r} at {self._where()}"
                " (create it with 'searcher index --rebuild -i ADDRESS', or check the name)"
            )
        return SolrRequestError(f"Solr at {where} refused the request ({e.code}): {msg}", e.code)

    # -- admin -------------------------------------------------------------------------------

    def admin(
        self, action: str, params: Params | None = None, timeout: float | None = None
    ) -> dict:
        """A Collections API call (/admin/collections?action=...)."""
        return self.request(
            "/admin/collections",
            [("action", action), *_pairs(params)],
            timeout=ADMIN_TIMEOUT if timeout is None else timeout,
        )

    def cluster_status(self, collection: str | None = None) -> dict:
        """CLUSTERSTATUS: live_nodes, collections with their shards and replicas, aliases."""
        return self.admin("CLUSTERSTATUS", {"collection": collection}, timeout=self.timeout)[
            "cluster"
        ]

    def live_nodes(self) -> list[str]:
        return list(self.cluster_status()["live_nodes"])

    def collections(self) -> list[str]:
        return list(self.admin("LIST", timeout=self.timeout).get("collections", []))

    def aliases(self) -> dict[str, str]:
        """Alias -> the collections it names (comma-separated)."""
        return dict(self.admin("LISTALIASES", timeout=self.timeout).get("aliases", {}))

    def resolve(self, name: str | None = None) -> str:
        """The collection an alias points to (a collection name is returned as is)."""
        name = name or self.collection
        return self.aliases().get(name, name)

    def configsets(self) -> list[str]:
        answer = self.request("/admin/configs", {"action": "LIST"})
        return list(answer.get("configSets", []))

    def upload_configset(
        self,
        name: str | None = None,
        files: Mapping[str, bytes] | None = None,
        overwrite: bool = False,
    ) -> str:
        """Upload a configset (default: the one shipped in the package); returns its name
        (default: configset_upload_name(), its version and digest).

        Solr marks a configset uploaded without authentication "untrusted"; ours needs
        nothing that requires trust (no <lib>, no scripting), so either kind works.
        """
        files = dict(configset_files() if files is None else files)
        name = name or configset_upload_name(files)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for fname, data in sorted(files.items()):
                z.writestr(fname, data)
        self.request(
            "/admin/configs",
            {"action": "UPLOAD", "name": name, "overwrite": overwrite, "cleanup": overwrite},
            body=buf.getvalue(),
            content_type="application/octet-stream",
            timeout=ADMIN_TIMEOUT,
        )
        return name

    def ensure_configset(self) -> str:
        """The package's configset on the cluster, uploaded if it is not there yet."""
        name = configset_upload_name()
        if name not in self.configsets():
            self.upload_configset(name)
        return name

    def create_collection(
        self,
        name: str,
        shards: int = 1,
        replicas: int = 1,
        replica_type: str = "nrt",
        configset: str | None = None,
        properties: Mapping[str, str] | None = None,
        extra: Params | None = None,
    ) -> dict:
        """CREATE with shards x replicas of one type (nrt, tlog or pull) and waits for them;
        configset: a name on the cluster (default: the package's, uploaded if missing).

        A collection of PULL replicas also gets a TLOG replica per shard (a PULL replica
        cannot lead): replicas - 1 PULL beside it.
        """
        configset = configset or self.ensure_configset()
        kind = replica_type.lower()
        counts = {
            "nrt": {"nrtReplicas": replicas},
            "tlog": {"tlogReplicas": replicas},
            "pull": {"tlogReplicas": 1, "pullReplicas": max(replicas - 1, 0)},
        }
        if kind not in counts:
            raise SolrError(f"unknown replica type {replica_type!r} (use nrt, tlog or pull)")
        params: dict[str, object] = {
            "name": name,
            "numShards": shards,
            "collection.configName": configset,
            "waitForFinalState": True,
            "nrtReplicas": 0,
            **counts[kind],
            **{f"property.{k}": v for k, v in (properties or {}).items()},
        }
        return self.admin("CREATE", [*_pairs(params), *_pairs(extra)])

    def delete_collection(self, name: str) -> None:
        self.admin("DELETE", {"name": name})

    def create_alias(self, alias: str, collections: str | Sequence[str]) -> None:
        """CREATEALIAS: points alias at collections, replacing what it named, in one step."""
        names = collections if isinstance(collections, str) else ",".join(collections)
        self.admin("CREATEALIAS", {"name": alias, "collections": names})

    def delete_alias(self, alias: str) -> None:
        self.admin("DELETEALIAS", {"name": alias})

    def schema_name(self, collection: str | None = None) -> str:
        """The schema's name, which carries the configset version (one small request)."""
        answer = self.request(f"/{collection or self.collection}/schema/name")
        return str(answer.get("name", ""))

    def check_configset(self, collection: str | None = None) -> None:
        """Raise ConfigsetMismatch unless the collection was made from this configset."""
        name = self.schema_name(collection)
        if name != CONFIGSET_NAME:
            found = name.removeprefix("searcher-") if name.startswith("searcher-") else None
            what = f"configset version {found}" if found else f"a schema named {name!r}"
            raise ConfigsetMismatch(
                f"collection {collection or self.collection} at {self._where()} was made with"
                f" {what}, this searcher uses version {CONFIGSET_VERSION}"
                " (rebuild it: searcher index --rebuild -i ADDRESS)"
                if found
                else f"collection {collection or self.collection} at {self._where()} is not a"
                f" searcher collection ({what}); give another collection name"
            )

    # -- update ------------------------------------------------------------------------------

    def update(
        self,
        commands: object,
        params: Params | None = None,
        collection: str | None = None,
        timeout: float | None = None,
    ) -> dict:
        """POST a JSON update body (a list of documents, or {"add": ..., "delete": ...})."""
        body = json.dumps(commands, ensure_ascii=False, separators=(",", ":")).encode()
        return self.request(
            f"/{collection or self.collection}/update", params, body=body, timeout=timeout
        )

    def add(
        self,
        docs: Iterable[dict],
        batch_docs: int = 500,
        batch_bytes: int = 8 << 20,
        collection: str | None = None,
    ) -> int:
        """Add (or replace) documents in batches; returns how many were sent.

        A document carrying _version_ is added only if its current version matches (> 0),
        or only if it does not exist (-1); otherwise SolrConflict.
        """
        sent, batch, size = 0, [], 0
        for doc in docs:
            batch.append(doc)
            size += sum(len(v) for v in doc.values() if isinstance(v, str)) * 3
            if len(batch) >= batch_docs or size >= batch_bytes:
                self.update(batch, collection=collection)
                sent, batch, size = sent + len(batch), [], 0
        if batch:
            self.update(batch, collection=collection)
            sent += len(batch)
        return sent

    def delete_ids(
        self, ids: Iterable[str], version: int | None = None, collection: str | None = None
    ) -> None:
        ids = list(ids)
        for i in range(0, len(ids), 1000):
            part = ids[i : i + 1000]
            if version is not None:
                cmds = {"delete": {"id": part[0], "_version_": version}} if len(part) == 1 else None
                if cmds is None:
                    raise SolrError("a versioned delete takes one id")
            else:
                cmds = {"delete": part}
            self.update(cmds, collection=collection)

    def delete_query(self, query: str, collection: str | None = None) -> None:
        self.update({"delete": {"query": query}}, collection=collection)

    def commit(
        self,
        expunge_deletes: bool = False,
        optimize: bool = False,
        max_segments: int = 1,
        collection: str | None = None,
    ) -> None:
        """Hard commit, opening a new searcher on every replica; optionally merge away the
        deleted documents (expungeDeletes) or everything into max_segments (optimize)."""
        params: dict[str, object] = {"commit": True, "waitSearcher": True}
        if optimize:
            params = {"optimize": True, "maxSegments": max_segments, "waitSearcher": True}
        elif expunge_deletes:
            params["expungeDeletes"] = True
        self.update([], params, collection=collection, timeout=ADMIN_TIMEOUT)

    def get(
        self, ids: Sequence[str], fl: str | None = None, collection: str | None = None
    ) -> list[dict]:
        """Real-time get: the latest version of each document, committed or not."""
        answer = self.request(
            f"/{collection or self.collection}/get", {"ids": ",".join(ids), "fl": fl}
        )
        return list(answer.get("response", {}).get("docs", []))

    # -- query -------------------------------------------------------------------------------

    def select(
        self,
        params: Params | None = None,
        json_body: dict | None = None,
        collection: str | None = None,
        handler: str = "/select",
        allow_partial: bool = False,
    ) -> dict:
        """A search: params as a form (no URL length limit) or a JSON request body."""
        path = f"/{collection or self.collection}{handler}"
        if json_body is not None:
            body = json.dumps(json_body, ensure_ascii=False).encode()
            return self.request(path, params, body=body, allow_partial=allow_partial)
        return self.request(path, params, form=True, allow_partial=allow_partial)

    def cursor(
        self, params: Params, rows: int = 1000, collection: str | None = None
    ) -> Iterator[dict]:
        """Every page of a search, in order, by cursorMark (the sort must end on id)."""
        pairs = [(k, v) for k, v in _pairs(params) if k not in ("start", "rows", "cursorMark")]
        sort = next((v for k, v in pairs if k == "sort"), "")
        if not re.search(r"\bid (asc|desc)\s*$", sort):
            raise SolrError("a cursor needs a sort that ends on 'id asc' or 'id desc'")
        mark = "*"
        while True:
            page = self.select(
                [*pairs, ("rows", rows), ("cursorMark", mark)], collection=collection
            )
            yield page
            nxt = page.get("nextCursorMark")
            if not nxt or nxt == mark:
                return
            mark = nxt

    def docs(
        self, params: Params, rows: int = 1000, collection: str | None = None
    ) -> Iterator[dict]:
        """Every matching document, fetched page by page (cursorMark)."""
        for page in self.cursor(params, rows, collection):
            yield from page["response"]["docs"]

    def facets(
        self,
        query: str,
        facet: dict,
        filters: Sequence[str] = (),
        params: Params | None = None,
        collection: str | None = None,
    ) -> dict:
        """JSON facets over every match of query (no documents returned)."""
        body = {"query": query, "filter": list(filters), "limit": 0, "facet": facet}
        if params:
            body["params"] = dict(_pairs(params))
        return self.select(json_body=body, collection=collection).get("facets", {})

    def terms(
        self, fieldname: str, terms: Sequence[str], collection: str | None = None
    ) -> dict[str, tuple[int, int]]:
        """Document and total term frequency of each term in a field, over all shards.

        Terms absent from the field are left out. Lucene counts deleted documents until
        their segments merge (commit with expunge_deletes or optimize).
        """
        return self.field_terms([fieldname], terms, collection)[fieldname]

    def field_terms(
        self, fieldnames: Sequence[str], terms: Sequence[str], collection: str | None = None
    ) -> dict[str, dict[str, tuple[int, int]]]:
        """terms() for several fields in one request: field -> term -> (df, ttf)."""
        out: dict[str, dict[str, tuple[int, int]]] = {f: {} for f in fieldnames}
        if not terms:
            return out
        answer = self.select(
            [
                *(("terms.fl", f) for f in fieldnames),
                ("terms.list", ",".join(map(_escape_term, terms))),
                ("terms.ttf", True),
                ("terms.limit", -1),
                ("json.nl", "map"),
            ],
            collection=collection,
            handler="/terms",
        )
        for fieldname in fieldnames:
            for term, stats in (answer.get("terms", {}).get(fieldname) or {}).items():
                if isinstance(stats, dict):
                    out[fieldname][term] = (int(stats.get("df", 0)), int(stats.get("ttf", 0)))
                else:
                    out[fieldname][term] = (int(stats), 0)
        return out


def configset_upload_name(files: Mapping[str, bytes] | None = None) -> str:
    """The name to upload the configset under: its version and a digest of its files, so an
    upload never replaces a configset that collections of another content still use."""
    files = configset_files() if files is None else files
    digest = hashlib.sha256()
    for fname, data in sorted(files.items()):
        digest.update(fname.encode() + b"\0" + data + b"\0")
    return f"{CONFIGSET_NAME}-{digest.hexdigest()[:10]}"


def configset_files() -> dict[str, bytes]:
    """The configset shipped in the package: file name -> content."""
    folder = resources.files("searcher.solr").joinpath("configset")
    return {f.name: f.read_bytes() for f in folder.iterdir() if f.name.endswith((".xml", ".txt"))}


def _reason(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, ssl.SSLError):
        return f"TLS failed ({reason.reason or reason}); for a private CA set {ENV_CA}"
    return str(getattr(reason, "strerror", None) or reason)
