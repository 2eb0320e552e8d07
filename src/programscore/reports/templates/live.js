(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("live-data").textContent);
  var TOL = D.tolerance, K = D.keys.length, N = D.names.length, INF = 1 / 0;
  var panel = document.getElementById("live");
  if (!panel) return;
  panel.hidden = false;
  var $ = function (id) { return document.getElementById(id); };
  var el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  var SVG = "http://www.w3.org/2000/svg";
  var svgEl = function (tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    for (var a in attrs) e.setAttribute(a, attrs[a]);
    return e;
  };
  var n = D.normalised, avail = D.available, cost = D.cost;
  var fmt = function (x, d) { return x.toFixed(d); };
  var money = function (x) { return Math.round(x).toLocaleString("en-US"); };
  var inputs = [], boxes = [];

  // --- the kernels (mirror src/programscore/kernels.py) ---
  function relative(w) {
    var m = Math.max.apply(null, w);
    return m > 1e150 ? w.map(function (x) { return x / m; }) : w;
  }
  function scoresFor(w) {
    var s = new Float64Array(N), i, j, v;
    if (D.method === "weighted-sum") {
      if (avail) {
        for (i = 0; i < N; i++) {
          var tot = 0, acc = 0;
          for (j = 0; j < K; j++) if (avail[i][j]) { tot += w[j]; acc += n[i][j] * w[j]; }
          s[i] = tot > 0 ? 100 * acc / tot : 0;
        }
      } else {
        var r = relative(w), sum = 0;
        for (j = 0; j < K; j++) sum += r[j];
        var share = r.map(function (x) { return 100 * x / sum; });
        for (i = 0; i < N; i++) { v = 0; for (j = 0; j < K; j++) v += n[i][j] * share[j]; s[i] = v; }
      }
      return s;
    }
    var rw = relative(w), total = 0;
    for (j = 0; j < K; j++) total += rw[j];
    var f = rw.map(function (x) { return x / total; });
    // ideal and anti-ideal over every ranked programme: f_j times the column's extremes (f_j >= 0)
    var ideal = D.colMax.map(function (x, k) { return x * f[k]; });
    var anti = D.colMin.map(function (x, k) { return x * f[k]; });
    for (i = 0; i < N; i++) {
      var p = 0, m = 0;
      for (j = 0; j < K; j++) {
        if (avail && !avail[i][j]) continue;
        var x = n[i][j] * f[j], a = x - ideal[j], b = x - anti[j];
        p += a * a; m += b * b;
      }
      p = Math.sqrt(p); m = Math.sqrt(m);
      s[i] = p + m > 0 ? 100 * m / (p + m) : 100;
    }
    return s;
  }
  function rank(s) {
    var idx = new Array(N), i;
    for (i = 0; i < N; i++) idx[i] = i;
    idx.sort(function (a, b) { return s[b] - s[a] || D.input[a] - D.input[b]; });
    var place = new Int32Array(N), ranks = new Int32Array(N), last = 0;
    for (i = 0; i < N; i++) {
      if (i === 0 || s[idx[i - 1]] - s[idx[i]] > TOL) last = i;
      place[i] = last + 1;
      ranks[idx[i]] = last + 1;
    }
    // inside a tie (scores within TOL) the programmes keep their input order
    for (var a = 0, b; a < N; a = b) {
      for (b = a + 1; b < N && place[b] === place[a];) b++;
      if (b - a > 1) {
        var group = idx.slice(a, b).sort(function (x, y) { return D.input[x] - D.input[y]; });
        for (var g = 0; g < group.length; g++) idx[a + g] = group[g];
      }
    }
    var order = idx;
    return { ranks: ranks, order: order };
  }
  function points(w, i) {
    var out = new Array(K), j, tot = 0;
    var r = avail ? w : relative(w);
    for (j = 0; j < K; j++) if (!avail || avail[i][j]) tot += r[j];
    for (j = 0; j < K; j++) out[j] = tot > 0 && (!avail || avail[i][j]) ? n[i][j] * 100 * r[j] / tot : 0;
    return out;
  }

  // --- stability of first place (mirror stability._linear_interval) ---
  function stability(w, leader) {
    var tot = 0, j, i, out = [];
    for (j = 0; j < K; j++) tot += w[j];
    var base = w.map(function (x) { return x / tot; });
    var sums = new Float64Array(N), mixed = new Float64Array(N);
    for (i = 0; i < N; i++) for (j = 0; j < K; j++) { sums[i] += n[i][j]; mixed[i] += base[j] * n[i][j]; }
    for (j = 0; j < K; j++) {
      var rest = 1 - base[j];
      // scores at share 0 (the others in proportion) and at share 1, from the sums once per programme
      var z = new Float64Array(N), o = new Float64Array(N);
      for (i = 0; i < N; i++) {
        z[i] = rest <= 0 ? 100 * (sums[i] - n[i][j]) / Math.max(K - 1, 1) : 100 * (mixed[i] - base[j] * n[i][j]) / rest;
        o[i] = 100 * n[i][j];
      }
      var low = -INF, lowAt = -1, high = INF, highAt = -1;
      for (i = 0; i < N; i++) {
        if (i === leader) continue;
        var g0 = z[leader] - z[i], slope = (o[leader] - o[i]) - g0;
        if (slope === 0) continue;
        var c = -g0 / slope;
        if (slope > 0 && c < base[j] + TOL && c > low) { low = c; lowAt = i; }
        if (slope < 0 && c > base[j] - TOL && c < high) { high = c; highAt = i; }
      }
      out.push({ share: base[j], low: isFinite(low) ? Math.max(0, low) : 0, high: isFinite(high) ? Math.min(1, high) : 1,
                 below: isFinite(low) && low > 0 ? lowAt : -1, above: isFinite(high) && high < 1 ? highAt : -1 });
    }
    return out;
  }

  // --- the table ---
  // the table's rows are slots, written in place (moving or removing thousands of rows is slow)
  var tbody = document.querySelector("#ranking-table tbody"), slots = [];
  function slot(p) {
    if (slots[p]) return slots[p];
    var tr = el("tr"), c = { tr: tr, rects: [], pts: [] };
    c.rank = tr.appendChild(el("td", "num"));
    c.name = tr.appendChild(el("td", "name"));
    c.score = tr.appendChild(el("td", "num score"));
    var bar = tr.appendChild(el("td", "bar"));
    var svg = bar.appendChild(svgEl("svg", { viewBox: "0 0 100 10", preserveAspectRatio: "none", role: "img" }));
    c.svg = svg;
    svg.appendChild(svgEl("rect", { x: 0, y: 0, width: 100, height: 10, fill: "#f0f4f8" }));
    for (var j = 0; j < K; j++) {
      var r = svg.appendChild(svgEl("rect", { y: 0, height: 10, fill: D.colours[j] }));
      c.rects.push([r, r.appendChild(svgEl("title", {}))]);
    }
    for (j = 0; j < K; j++) c.pts.push(tr.appendChild(el("td", "num points")));
    if (cost) { c.cost = tr.appendChild(el("td", "num cost")); c.per = tr.appendChild(el("td", "num per-1000")); }
    if (D.anyDominated) c.dom = tr.appendChild(el("td", "num dominated"));
    return (slots[p] = c);
  }
  function perThousand(s, c) {
    if (c === null) return "";
    return c > 1e-9 ? fmt(s / (c / 1000), 2) : "free";
  }

  function weights() { return inputs.map(function (e) { return Math.max(0, parseFloat(e.value) || 0); }); }
  // the first FIRST rows are written at once, the rest (and the chart) after the next frame;
  // meanwhile the rows below FIRST are greyed (class "pending")
  var FIRST = 200, BATCH = 1e9, job = 0;
  function fill(w, s, r, from, to) {
    for (var p = from; p < to; p++) {
      var i = r.order[p], c = slot(p), pt = points(w, i), x = 0;
      if (c.i !== i) {
        c.i = i;
        c.tr.setAttribute("data-row", D.rows[i]);
        c.name.textContent = D.names[i];
        if (c.cost) c.cost.textContent = cost[i] === null ? "" : money(cost[i]);
      }
      c.rank.textContent = r.ranks[i];
      c.score.textContent = fmt(s[i], 2);
      c.svg.setAttribute("aria-label", fmt(s[i], 1) + " points");
      for (var j = 0; j < K; j++) {
        var width = Math.max(0, pt[j]);
        c.rects[j][0].setAttribute("x", x.toFixed(3));
        c.rects[j][0].setAttribute("width", width.toFixed(3));
        c.rects[j][1].textContent = D.labels[j] + ": " + fmt(width, 1);
        x += width;
        c.pts[j].textContent = fmt(pt[j], 1) + (D.imputed[i][j] ? "*" : "");
        c.pts[j].className = D.imputed[i][j] ? "num points imputed" : "num points";
      }
      if (c.per) c.per.textContent = perThousand(s[i], cost[i]);
      if (c.dom) {
        var d = D.dominatedBy[i];
        c.dom.textContent = "";
        if (d >= 0) { var sp = c.dom.appendChild(el("span", "", "#" + r.ranks[d])); sp.title = D.names[d]; }
      }
    }
  }

  function update() {
    var t0 = performance.now(), mine = ++job;
    var w = weights(), total = w.reduce(function (a, b) { return a + b; }, 0);
    $("live-error").hidden = total > 0;
    if (!(total > 0)) return;
    panel.setAttribute("data-pending", "");
    var s = scoresFor(w), r = rank(s), shown = Math.min(D.shown, N);
    if (!slots.length) {  // the first time: slots in place of the static rows
      var fresh = document.createElement("tbody");
      for (var p = 0; p < shown; p++) fresh.appendChild(slot(p).tr);
      tbody.parentNode.replaceChild(fresh, tbody);
      tbody = fresh;
    }
    fill(w, s, r, 0, Math.min(FIRST, shown));
    if (shown > FIRST) tbody.className = "pending";
    var shares = w.map(function (x) { return (100 * x / total).toFixed(1) + "%"; });
    document.querySelectorAll(".legend span").forEach(function (e, k) { e.textContent = D.labels[k] + " (" + shares[k] + ")"; });
    best(s, r);
    if (D.stable) stabilityTable(w, r.order[0]);
    commands(w);
    D.lastMs = performance.now() - t0;
    panel.setAttribute("data-ms", D.lastMs.toFixed(2));
    var done = Math.min(FIRST, shown);
    (function step() {
      if (mine !== job) return;
      if (done < shown) {
        fill(w, s, r, done, Math.min(done + BATCH, shown));
        done = Math.min(done + BATCH, shown);
        return setTimeout(step, 0);
      }
      if (D.scatter) scatter(s);
      tbody.className = "";
      panel.removeAttribute("data-pending");
    })();
  }

  function best(s, r) {
    var first = r.order[0], tied = 0;
    while (tied < N && r.ranks[r.order[tied]] === r.ranks[first]) tied++;
    var names = r.order.slice(0, tied).map(function (i) { return D.names[i]; }).join(", ");
    var line = (tied > 1 ? "Best (tied): " : "Best: ") + names + " (" + fmt(s[first], 1) + ")";
    var next = r.order.slice(tied, tied + 2).map(function (i) { return fmt(s[i], 1); });
    if (next.length) line += "; next " + next.join(", ");
    $("live-best").textContent = line;
  }

  function stabilityTable(w, leader) {
    var body = $("live-stability"), rows = stability(w, leader);
    body.textContent = "";
    rows.forEach(function (o, j) {
      var tr = body.appendChild(el("tr"));
      tr.appendChild(el("td", "", D.labels[j] + " (" + D.keys[j] + ")"));
      [o.share, o.low, o.high].forEach(function (v) { tr.appendChild(el("td", "num", (100 * v).toFixed(1) + "%")); });
      tr.appendChild(el("td", "", o.below >= 0 ? D.names[o.below] : "-"));
      tr.appendChild(el("td", "", o.above >= 0 ? D.names[o.above] : "-"));
    });
    $("live-leader").textContent = D.names[leader];
  }

  function scatter(s) {
    var b = D.scatter, y = function (v) { return b.bottom - (b.bottom - b.top) * v / 100; };
    var circles = document.querySelectorAll("#value-chart circle"), known = D.scatter.known, on = frontier(s);
    var front = [];
    known.forEach(function (i, k) {
      var c = circles[k];
      if (!c) return;
      c.setAttribute("cy", y(s[i]).toFixed(1));
      c.setAttribute("r", on[i] ? 5 : 4);
      c.setAttribute("fill", on[i] ? "#E69F00" : "#0072B2");
      c.firstChild.textContent = D.names[i] + ": " + fmt(s[i], 1) + " points for " + money(cost[i]) + " " + D.currency;
      if (on[i]) front.push(i);
    });
    front.sort(function (a, c) { return cost[a] - cost[c]; });
    var line = document.querySelector("#value-chart polyline");
    if (line) line.setAttribute("points", front.map(function (i) { return b.x[i].toFixed(1) + "," + y(s[i]).toFixed(1); }).join(" "));
    var list = $("value-front");
    if (list) {
      list.textContent = "";
      front.forEach(function (i) {
        list.appendChild(el("li", "", D.names[i] + ": " + fmt(s[i], 1) + " points for " + money(cost[i]) + " " + D.currency));
      });
    }
  }
  function frontier(s) {
    // mirror kernels.cost_frontier: cheapest first, best score first among equal costs
    var known = D.scatter.known.slice(), on = {}, bestSoFar = -INF;
    known.sort(function (a, b) { return cost[a] - cost[b] || s[b] - s[a]; });
    known.forEach(function (i) { on[i] = s[i] > bestSoFar; bestSoFar = Math.max(bestSoFar, s[i]); });
    return on;
  }

  function number(x) { return String(parseFloat(x.toPrecision(6))); }
  function commands(w) {
    $("live-cli").value = "programscore score " + D.command + " " + D.keys.map(function (k, j) { return "-w " + k + "=" + number(w[j]); }).join(" ");
    $("live-toml").value = D.keys.map(function (k, j) { return "[[criteria]]\nkey = " + JSON.stringify(k) + "\nweight = " + number(w[j]); }).join("\n\n");
  }

  // --- the controls ---
  var grid = $("live-weights");
  D.keys.forEach(function (k, j) {
    var row = grid.appendChild(el("div", "live-weight"));
    var label = row.appendChild(el("label", "", D.labels[j] + " (" + k + ")"));
    var slider = row.appendChild(el("input"));
    slider.type = "range"; slider.min = 0; slider.max = D.max; slider.step = "any"; slider.value = D.weights[j];
    slider.id = "live-slider-" + j; label.htmlFor = slider.id;
    var box = row.appendChild(el("input"));
    box.type = "number"; box.min = 0; box.step = "any"; box.value = D.weights[j]; box.id = "live-box-" + j;
    box.setAttribute("aria-label", D.labels[j] + " weight");
    slider.addEventListener("input", function () { box.value = slider.value; update(); });
    box.addEventListener("input", function () { slider.value = box.value; update(); });
    inputs.push(box); boxes.push(slider);
  });
  $("live-reset").addEventListener("click", function () {
    D.weights.forEach(function (v, j) { inputs[j].value = v; boxes[j].value = v; });
    update();
  });
  [["live-copy-cli", "live-cli"], ["live-copy-toml", "live-toml"]].forEach(function (p) {
    $(p[0]).addEventListener("click", function () {
      var t = $(p[1]);
      t.select();
      if (navigator.clipboard) navigator.clipboard.writeText(t.value).catch(function () { document.execCommand("copy"); });
      else document.execCommand("copy");
    });
  });
  window.programscoreLive = { update: update, data: D };
  update();
})();
