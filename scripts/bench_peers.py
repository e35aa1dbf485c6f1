#!/usr/bin/env python3
"""Tiyao against Python peers, in one run on the same inputs (protocol: shared/eval/PEERS.md).

Run through scripts/bench-peers, which provides the peers in .venv-peers/. Progress goes to
stderr; the Markdown report goes to stdout.
"""
import argparse
import json
import logging
import multiprocessing
import os
import platform
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIYAO_METHODS = ["lexrank", "textrank", "lead"]
SCALING_FACTORS = [1, 5, 20]
SCALING_TARGET = 600          # characters asked of every system in the scaling runs
CHILD_MEMORY_LIMIT = 16 << 30  # a runaway peer gets MemoryError instead of swapping the machine


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- text helpers

def nchars(text):
    """Length used for length matching: raw characters, punctuation included, whitespace not
    (so the newlines that join outline headings, or sentences, do not count)."""
    return sum(1 for c in text if not c.isspace())


# A sentence ends after 。！？!? or an ellipsis, together with any closing quotes/brackets;
# every line break ends one too (headings and captions are lines of their own).
_SENTENCE_END = re.compile(r"((?:[。！？!?]|…+|\.{3,})+[”’\"'」』）)】]*)")


def split_sentences(text):
    out = []
    for line in text.splitlines():
        for s in _SENTENCE_END.sub("\\1\n", line).split("\n"):
            if s.strip():
                out.append(s.strip())
    return out


# ---------------------------------------------------------------- ROUGE (char level)

_t2s = None


def normalize(text):
    """NFKC, traditional→simplified, then drop whitespace, punctuation (P*) and symbols (S*)."""
    global _t2s
    if _t2s is None:
        import opencc
        _t2s = opencc.OpenCC("t2s")
    text = _t2s.convert(unicodedata.normalize("NFKC", text))
    return [c for c in text if not c.isspace() and unicodedata.category(c)[0] not in "PS"]


def _f1(overlap, n_sys, n_ref):
    if overlap == 0:
        return 0.0
    p, r = overlap / n_sys, overlap / n_ref
    return 2 * p * r / (p + r)


def rouge_n(sys_chars, ref_chars, n):
    grams = lambda cs: Counter(tuple(cs[i:i + n]) for i in range(len(cs) - n + 1))
    s, r = grams(sys_chars), grams(ref_chars)
    return _f1(sum((s & r).values()), sum(s.values()), sum(r.values()))


def lcs_length(a, b):
    if len(a) < len(b):
        a, b = b, a
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if x == y else max(prev[j], cur[-1]))
        prev = cur
    return prev[-1]


def rouge(summary, reference):
    s, r = normalize(summary), normalize(reference)
    return (rouge_n(s, r, 1), rouge_n(s, r, 2), _f1(lcs_length(s, r), len(s), len(r)))


# ---------------------------------------------------------------- data sets

def read_text(path):
    return Path(path).read_text(encoding="utf-8-sig")


def load_sets(shared, names, tmpdir):
    """Each item: id, text, path (a file tiyao can read), ref, target (reference length)."""
    ev = shared / "eval"
    sets = {}
    if "clts" in names:
        items = []
        for i, line in enumerate(read_text(ev / "summaries/clts-samples.jsonl").splitlines()):
            if not line.strip():
                continue
            rec = json.loads(line)
            path = tmpdir / f"clts_{i:02d}.txt"  # tiyao reads files, the articles are JSON fields
            path.write_text(rec["article"], encoding="utf-8")
            items.append(dict(id=f"clts#{i}", text=rec["article"], path=path, ref=rec["summary"]))
        sets["clts"] = items
    if "coretip" in names:
        path = ev / "summaries/001-without-core-tip.txt"
        sets["coretip"] = [dict(id="001", text=read_text(path), path=path,
                                ref=read_text(ev / "summaries/001-core-tip.ref.txt"))]
    if "outline" in names:
        items = []
        for gold_path in sorted((ev / "gold").glob("*.json")):
            gold = json.loads(read_text(gold_path))
            path = shared / "seeds" / gold["document"]
            ref = "\n".join(h["text"] for h in gold["headings"] if h["level"] in (1, 2))
            items.append(dict(id=gold["document"], text=read_text(path), path=path, ref=ref))
        sets["outline"] = items
    for items in sets.values():
        for it in items:
            it["target"] = nchars(it["ref"])
    return sets


# ---------------------------------------------------------------- peers
# Each ranker takes a text and returns (ranking, in_document_order): the ranking lists
# (position, sentence) best first. Asking a peer for k = 1, 2, … sentences gives the first k
# of that ranking (all these peers pick their top k of one fixed ranking), so one ranking per
# text serves every k; the timed part is exactly one summarizer call.

_tokenizer = None


def _sumy_tokenizer():
    """sumy tokenizer without nltk data: our sentence splitter, jieba for words."""
    global _tokenizer
    if _tokenizer is None:
        import jieba
        from sumy.nlp.tokenizers import Tokenizer

        class ChineseTokenizer:
            language = "chinese"

            def to_sentences(self, paragraph):
                return tuple(split_sentences(paragraph))

            def to_words(self, sentence):
                # sumy's own word filter drops punctuation and numbers.
                return tuple(w for w in jieba.lcut(sentence) if Tokenizer._is_word(w))

        _tokenizer = ChineseTokenizer()
    return _tokenizer


def _sumy(class_path):
    module, name = class_path.rsplit(".", 1)

    def rank(text):
        import importlib
        from sumy.nlp.stemmers import Stemmer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.utils import get_stop_words
        summarizer = getattr(importlib.import_module(module), name)(Stemmer("chinese"))
        summarizer.stop_words = get_stop_words("chinese")
        # One line per paragraph: PlaintextParser joins the lines of a paragraph with spaces,
        # which would glue a heading line onto the sentence after it.
        doc = PlaintextParser.from_string("\n\n".join(text.splitlines()), _sumy_tokenizer()).document
        ranking = []

        def keep_all(infos):  # sumy hands the count callable every sentence, best first
            ranking.extend(infos)
            return infos

        summarizer(doc, keep_all)
        return [(i.order, str(i.sentence)) for i in ranking], True
    return rank


def rank_lead(text):
    return list(enumerate(split_sentences(text))), True


def rank_textrank4zh(text):
    from textrank4zh import TextRank4Sentence
    tr = TextRank4Sentence()
    tr.analyze(text=text, lower=True, source="all_filters")  # the usage its README shows
    # get_key_sentences(num=k) = the first k of this list; it returns them by rank.
    return [(it.index, it.sentence) for it in tr.key_sentences if len(it.sentence) >= 6], False


def rank_snownlp(text):
    # The body of SnowNLP(text).summary(k), which returns its top k by rank.
    from snownlp import normal, seg
    from snownlp.summary import textrank
    sents = normal.get_sentences(text)
    rank = textrank.TextRank([normal.filter_stop(seg.seg(s)) for s in sents])
    rank.solve()
    return [(i, sents[i]) for i in rank.top_index(len(sents))], False


PEERS = {
    "lead": rank_lead,
    "sumy Luhn": _sumy("sumy.summarizers.luhn.LuhnSummarizer"),
    "sumy LexRank": _sumy("sumy.summarizers.lex_rank.LexRankSummarizer"),
    "sumy TextRank": _sumy("sumy.summarizers.text_rank.TextRankSummarizer"),
    "sumy LSA": _sumy("sumy.summarizers.lsa.LsaSummarizer"),
    "textrank4zh": rank_textrank4zh,
    "snownlp": rank_snownlp,
}


def load_peers():
    """Imports and dictionary loading, done once in the parent so that forked children
    inherit them and no timing includes them."""
    t0 = time.perf_counter()
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    warm = "全市组织系统坚持新时代好干部标准。树牢鲜明导向选干部。聚焦发展所需育干部。\n坚持严的基调管干部。"
    for rank in PEERS.values():
        rank(warm)  # loads whatever each peer loads lazily (posseg, snownlp models, stop words)
    normalize("預熱")
    return time.perf_counter() - t0


def take_until(ranking, target, in_document_order):
    """The smallest k whose summary (the first k of the ranking) reaches target characters."""
    chosen, total = [], 0
    for pos, sentence in ranking:
        chosen.append((pos, sentence))
        total += nchars(sentence)
        if total >= target:
            break
    if in_document_order:
        chosen.sort()
    return [s for _, s in chosen]


def summarize_items(system, items):
    """Runs in a child process. Returns (summaries, seconds of summarization)."""
    rank = PEERS[system]
    summaries, seconds = [], 0.0
    for it in items:
        t0 = time.perf_counter()
        ranking, in_order = rank(it["text"])
        seconds += time.perf_counter() - t0
        summaries.append(take_until(ranking, it["target"], in_order))
    return summaries, seconds


def _child(conn, fn, args):
    try:
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_LIMIT, CHILD_MEMORY_LIMIT))
        conn.send(("ok", fn(*args)))
    except BaseException as e:  # report, never hang the parent
        conn.send(("error", f"{type(e).__name__}: {e}"))
    finally:
        conn.close()


def run_in_child(fn, args, timeout):
    """("ok", result) | ("error", message) | ("timeout", None). A fork inherits the loaded
    peers; a slow or crashing peer is killed without taking the benchmark with it."""
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, fn, args), daemon=True)
    proc.start()
    send.close()
    try:
        if not recv.poll(timeout):
            return "timeout", None
        return recv.recv()
    except EOFError:
        proc.join()
        return "error", f"child died (exit code {proc.exitcode})"
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()


# ---------------------------------------------------------------- tiyao

def tiyao_usable(binary):
    """None if `tiyao summarize` can be run, else a one-line reason."""
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        hint = "build with `swift build -c release`"
        if (ROOT / ".build/debug/tiyao").is_file():
            hint += " (or pass --tiyao .build/debug/tiyao)"
        return f"tiyao not found at {binary}: {hint}; tiyao rows skipped"
    p = subprocess.run([str(binary), "summarize", "--help"], capture_output=True, text=True)
    # An unknown subcommand's --help falls back to the top-level help (exit 0), so look for it.
    if p.returncode != 0 or "tiyao summarize" not in p.stdout:
        return f"{binary} has no `summarize` subcommand yet; tiyao rows skipped"
    return None


# Peak memory must be measured from a small parent: a child forked from this big Python (the
# peers are loaded) inherits its high-water RSS, so wait4/RUSAGE_CHILDREN here would report
# hundreds of MB for any command. GNU time is such a small parent; without it, a tiny Python
# plays that role (its own ~10 MB then bounds the figure from below).
GNU_TIME = "/usr/bin/time"
RSS_SHIM = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter(); rc = subprocess.call(sys.argv[2:])\n"
            "wall = time.perf_counter() - t  # its own start-up is not tiyao's\n"
            "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "open(sys.argv[1], 'w').write(f'{rss} {wall}')\n"
            "sys.exit(rc)\n")


def snapshot_tiyao(binary, tmpdir):
    """Copies the binary (and SwiftPM resource bundles beside it), so that a rebuild by someone
    else during the run cannot mix two versions in one report."""
    folder = tmpdir / "tiyao-bin"
    folder.mkdir()
    for bundle in binary.parent.glob("*.resources"):
        shutil.copytree(bundle, folder / bundle.name)
    shutil.copy2(binary, folder / binary.name)
    return folder / binary.name


def run_tiyao(binary, path, chars, method, timeout):
    """Returns (sentences, wall seconds, peak RSS in KiB); raises TimeoutError or RuntimeError."""
    cmd = [str(binary), "summarize", str(path), "--format", "json", "--chars", str(chars)]
    if method:
        cmd += ["--method", method]
    with tempfile.TemporaryDirectory() as tmp:
        stats = Path(tmp) / "rss"
        if os.access(GNU_TIME, os.X_OK):
            wrapped = [GNU_TIME, "-f", "%M", "-o", str(stats)] + cmd
        else:
            wrapped = [sys.executable, "-c", RSS_SHIM, str(stats)] + cmd
        with open(Path(tmp) / "out", "w+b") as out, open(Path(tmp) / "err", "w+b") as err:
            t0 = time.perf_counter()
            # Own process group, so a timeout kills tiyao and not only the wrapper.
            proc = subprocess.Popen(wrapped, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                    start_new_session=True)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                raise TimeoutError("timeout")
            wall = time.perf_counter() - t0  # includes the wrapper's ~1 ms (GNU time)
            if proc.returncode != 0:
                err.seek(0)
                first = (err.read().decode("utf-8", "replace").strip().splitlines() or ["?"])[0]
                raise RuntimeError(f"exit {proc.returncode}: {first}")
            out.seek(0)
            data = json.loads(out.read().decode("utf-8"))
        fields = stats.read_text().split()  # GNU time: "RSS"; the shim: "RSS WALL"
        rss = int(fields[0])
        if len(fields) > 1:
            wall = float(fields[1])
    return [s["text"] for s in data["sentences"]], wall, rss


# ---------------------------------------------------------------- runs

def evaluate(sets, systems, tiyao, timeout):
    """One row per (set, system): dict(set, system, r1, r2, rl, cps, len, error)."""
    rows = []
    for set_name, items in sets.items():
        in_chars = sum(len(it["text"]) for it in items)
        for system in systems:
            log(f"  {set_name}: {system}")
            row = dict(set=set_name, system=system, error=None, cps=None)
            if system.startswith("tiyao"):
                method = system.split()[1]
                summaries, wall = [], 0.0
                try:
                    for it in items:
                        sents, secs, _ = run_tiyao(tiyao, it["path"], it["target"], method, timeout)
                        summaries.append(sents)
                        wall += secs
                except (RuntimeError, TimeoutError, ValueError, KeyError) as e:
                    row["error"] = str(e)
                    rows.append(row)
                    continue
                row["cps"] = in_chars / wall
            else:
                status, result = run_in_child(summarize_items, (system, items), timeout)
                if status != "ok":
                    row["error"] = "timeout" if status == "timeout" else result
                    rows.append(row)
                    continue
                summaries, seconds = result
                if system != "lead":  # lead costs nothing worth measuring
                    row["cps"] = in_chars / max(seconds, 1e-9)
            scores = [rouge("\n".join(s), it["ref"]) for s, it in zip(summaries, items)]
            for i, key in enumerate(("r1", "r2", "rl")):
                row[key] = sum(sc[i] for sc in scores) / len(scores)
            row["len"] = sum(nchars("".join(s)) / it["target"]
                             for s, it in zip(summaries, items)) / len(items)
            rows.append(row)
    return rows


def scaling(shared, systems, tiyao, timeout, tmpdir):
    """{system: [cell per factor]}, each cell a string for the table."""
    seeds = "\n\n".join(read_text(p) for p in sorted((shared / "seeds").glob("*.txt")))
    texts = {f: "\n\n".join([seeds] * f) for f in SCALING_FACTORS}
    cells = {}
    for system in systems:
        cells[system] = []
        for f in SCALING_FACTORS:
            text = texts[f]
            if cells[system] and cells[system][-1].startswith(("timeout", "skipped")):
                cells[system].append("skipped (timed out on a smaller input)")
                continue
            log(f"  scaling: {system} ×{f} ({len(text):,} chars)")
            if system.startswith("tiyao"):
                path = tmpdir / f"scaling_x{f}.txt"
                path.write_text(text, encoding="utf-8")
                try:
                    _, wall, rss = run_tiyao(tiyao, path, SCALING_TARGET, system.split()[1], timeout)
                    cells[system].append(f"{wall:.2f} s ({len(text) / wall:,.0f} chars/s, "
                                         f"peak {rss / 1024:.0f} MB)")
                except TimeoutError:
                    cells[system].append(f"timeout (> {timeout:g} s)")
                except (RuntimeError, ValueError, KeyError) as e:
                    cells[system].append(f"error: {e}")
                continue
            item = dict(text=text, target=SCALING_TARGET)
            status, result = run_in_child(summarize_items, (system, [item]), timeout)
            if status == "ok":
                secs = result[1]
                cells[system].append(f"{secs:.2f} s ({len(text) / secs:,.0f} chars/s)")
            elif status == "timeout":
                cells[system].append(f"timeout (> {timeout:g} s)")
            else:
                cells[system].append(f"error: {result}")
    return cells, {f: len(t) for f, t in texts.items()}


# ---------------------------------------------------------------- report

def quality_table(rows):
    lines = ["| set | system | R1 | R2 | RL | chars/s | len |", "|---|---|---|---|---|---|---|"]
    notes = []
    for set_name in dict.fromkeys(r["set"] for r in rows):
        ok = [r for r in rows if r["set"] == set_name and not r["error"]]
        ok.sort(key=lambda r: -r["r1"])
        best = {k: max((r[k] for r in ok), default=None) for k in ("r1", "r2", "rl")}
        for r in ok:
            score = lambda k: f"**{r[k]:.3f}**" if r[k] == best[k] else f"{r[k]:.3f}"
            cps = f"{r['cps']:,.0f}" if r["cps"] else "—"
            lines.append(f"| {set_name} | {r['system']} | {score('r1')} | {score('r2')} | "
                         f"{score('rl')} | {cps} | {r['len']:.2f} |")
        for r in rows:
            if r["set"] == set_name and r["error"]:
                lines.append(f"| {set_name} | {r['system']} | — | — | — | — | — |")
                notes.append(f"- {set_name} / {r['system']}: {r['error']}")
    return lines, notes


def versions():
    names = ["sumy", "jieba", "textrank4zh", "networkx", "snownlp", "numpy", "scipy"]
    found = []
    for n in names:
        try:
            found.append(f"{n} {metadata.version(n)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(found)


def main():
    ap = argparse.ArgumentParser(description="Tiyao against Python summarizers (PEERS.md protocol).")
    ap.add_argument("--tiyao", default=str(ROOT / ".build/release/tiyao"), help="tiyao binary")
    ap.add_argument("--quick", action="store_true",
                    help="clts + coretip with tiyao, lead and sumy Luhn only; no scaling")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per peer run (default 300)")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"),
                    help="the shared folder holding eval/ and seeds/ (default ../shared)")
    args = ap.parse_args()
    shared = Path(args.shared)
    tiyao = Path(args.tiyao).absolute()

    problem = tiyao_usable(tiyao)
    if problem:
        log(f"bench-peers: {problem}")
    tiyao_systems = [] if problem else [f"tiyao {m}" for m in TIYAO_METHODS]
    if args.quick:
        set_names, peers = ["clts", "coretip"], ["lead", "sumy Luhn"]
    else:
        set_names, peers = ["clts", "coretip", "outline"], list(PEERS)

    load_before = os.getloadavg()[0]
    built = None if problem else time.ctime(tiyao.stat().st_mtime)
    log("bench-peers: loading peers (imports, jieba dictionary, models)")
    load_seconds = load_peers()

    with tempfile.TemporaryDirectory(prefix="bench-peers-") as tmp:
        tmpdir = Path(tmp)
        tiyao_run = tiyao if problem else snapshot_tiyao(tiyao, tmpdir)
        sets = load_sets(shared, set_names, tmpdir)
        log("bench-peers: quality runs")
        rows = evaluate(sets, peers + tiyao_systems, tiyao_run, args.timeout)
        scale = None
        if not args.quick:
            log("bench-peers: scaling runs")
            scale_systems = ["sumy Luhn", "sumy LexRank", "snownlp", "textrank4zh"] + tiyao_systems
            scale = scaling(shared, scale_systems, tiyao_run, args.timeout, tmpdir)

    out = ["# Tiyao and peers on the evaluation sets", ""]
    out.append(f"Python {platform.python_version()}, {os.cpu_count()} cores; {versions()}; "
               f"tiyao: {tiyao if not problem else 'not run (' + problem + ')'}"
               + ("" if problem else f" (built {built}, copied at the start)") + ".")
    out.append(f"Peers' imports and dictionary/model loading took {load_seconds:.1f} s (not timed below). "
               f"Load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end "
               "(timings are only comparable on an otherwise idle machine).")
    if not problem:
        out.append("tiyao runs from the repo root, so it takes IDF from ./corpus (its default).")
    out += ["", "## Quality: char-level ROUGE F1, length-matched", ""]
    lines, notes = quality_table(rows)
    out += lines
    out += ["", "- Items: " + ", ".join(f"{k} = {len(v)}" for k, v in sets.items()) + ".",
            "- Length matching: each system gets the smallest k = 1, 2, … sentences whose summary "
            "reaches the reference's length, counted as raw characters with punctuation, without "
            "whitespace; tiyao gets `--chars N` with the same N. `len` = mean summary length / "
            "reference length.",
            "- Output order is each system's own: document order for lead, sumy and tiyao; rank "
            "order for textrank4zh and snownlp (snownlp's sentences are clauses split at ，).",
            "- chars/s: peers = input characters / seconds of summarization inside the process, "
            "after imports and dictionary loading; tiyao = input characters / whole-process wall "
            "time of `tiyao summarize` (start-up, file reading and JSON output included)."]
    out += notes
    if scale:
        cells, sizes = scale
        out += ["", "## Scaling: the five seeds concatenated, ×1, ×5 and ×20", ""]
        heads = [f"×{f} ({n:,} chars)" for f, n in sizes.items()]
        out.append("| system | " + " | ".join(heads) + " |")
        out.append("|---|" + "---|" * len(SCALING_FACTORS))
        for system, row in cells.items():
            out.append(f"| {system} | " + " | ".join(row) + " |")
        out += ["", f"- Every system asked for {SCALING_TARGET} characters; timeout {args.timeout:g} s "
                "per run (peers in a child process). Peers: seconds of summarization in the "
                "process; tiyao: whole-process wall time and peak resident memory (max RSS from GNU "
                "time, else from a small Python parent)."]
    print("\n".join(out))


if __name__ == "__main__":
    main()
