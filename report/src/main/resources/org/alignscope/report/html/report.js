/*
 * AlignScope report renderer. Reads the page data (the JSON block #alignscope-data, see ReportPage.data),
 * draws one uPlot chart per panel from the run folders' series, the findings timeline, tables, figures and
 * manifests. In live mode (the dashboard) it takes its data from the server-sent events at api/events:
 * "snapshot" replaces everything, "rows" appends the new rows of a file (or adds a new file).
 * Non-finite values and empty CSV fields never reach a chart: they are absent from the series (gaps).
 */
(function () {
  'use strict';

  var DATA = JSON.parse(document.getElementById('alignscope-data').textContent);
  var PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
    '#bcbd22', '#17becf'];
  var DASHES = [[], [6, 3], [2, 3], [10, 3, 2, 3], [1, 2]];
  var TIME_KINDS = ['metrics', 'monitor', 'trajectory'];

  /* One chart per panel: which columns of which files it draws. A string is a column, a RegExp a family. */
  var PANELS = [
    { id: 'loss', title: 'Loss', note: 'metrics: mini-batch, reference-set and training loss; quad: ½xᵀAx; monitor: reference loss.',
      cols: { metrics: ['batch_loss', 'ref_loss', 'train_loss'], trajectory: ['loss'], monitor: ['loss'] },
      hide: ['batch_loss'] },
    { id: 'accuracy', unit: true, title: 'Accuracy', note: 'Training and test accuracy.',
      cols: { metrics: ['train_acc', 'test_acc'] } },
    { id: 'theta', unit: true, title: 'Alignment θ (squared)', note: 'θ = ‖P_D g‖² / ‖g‖², the paper’s squared alignment of the gradient with the top-k Hessian eigenspace.',
      cols: { metrics: ['ref_theta', 'batch_theta', 'update_theta'], trajectory: ['theta'], monitor: ['theta'] },
      hide: ['batch_theta', 'update_theta'] },
    { id: 'chi', unit: true, title: 'Alignment χ = √θ (unsquared)', note: 'Song et al.’s unsquared form; chi_ema is the switch criterion’s moving average.',
      cols: { metrics: ['ref_chi', 'chi_ema', 'batch_chi', 'update_chi'], monitor: ['chi'] },
      hide: ['batch_chi', 'update_chi'] },
    { id: 'eta', title: 'Step size η against η*ₜ', note: 'η*ₜ (eq. 2): below it the alignment falls, above it rises. Shaded: the band (η^loss_D, η^loss_B) of Theorem 10. inf (no critical step / every step lowers the loss) is left out.',
      cols: { monitor: ['eta', 'eta_star', 'eta_loss_dom', 'eta_loss_bulk'], trajectory: ['eta_star', 'eta_loss_dom', 'eta_loss_bulk'], metrics: ['lr'] },
      band: ['eta_loss_bulk', 'eta_loss_dom'] },
    { id: 'eigen', title: 'Top Hessian eigenvalues over time', note: 'λ₁ … λ_k of the reference-set Hessian at each refresh (monitor: λ₁).',
      cols: { metrics: [/^lambda_\d+$/], monitor: ['lambda_1'] } },
    { id: 'residual', title: 'Eigen-residuals over time', note: '‖Hv − λv‖ of each eigenpair (monitor: the largest relative residual).',
      cols: { metrics: [/^residual_\d+$/], monitor: ['max_rel_residual'] } },
    { id: 'angles', title: 'Principal angles', note: 'Largest principal angle (radians) between the previous and the new dominant subspace at each refresh.',
      cols: { metrics: [/^angle/] } },
    { id: 'spectrum', title: 'Eigenvalues', xlabel: 'index', note: 'eigen.csv (top) and eigen_negative.csv (most negative).',
      cols: { eigen: ['eigenvalue'], eigen_negative: ['eigenvalue'] } },
    { id: 'spectrum_residual', title: 'Eigenpair residuals', xlabel: 'index', note: '‖Hv − λv‖ for unit v.',
      cols: { eigen: ['residual'], eigen_negative: ['residual'] } },
    { id: 'density', title: 'Spectral density', xlabel: 'eigenvalue', note: 'Stochastic Lanczos quadrature (density.csv).',
      cols: { density: ['density'] } }
  ];

  var tables = [];        // series tables: {id, run, kind, x, last, series: {col: [[x], [y]]}, text: {col: [[x], [v]]}}
  var sources = [];       // run folders: {label, base, manifest, figures, tables, series}
  var charts = {};        // panel id -> {uplot, key, div, legend}
  var off = {};           // panel id -> legend names switched off (a run or a column); clicking a legend entry toggles
  var pending = null;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function matches(spec, col) {
    return typeof spec === 'string' ? spec === col : spec.test(col);
  }

  function specIndex(specs, col) {
    for (var i = 0; i < specs.length; i++) { if (matches(specs[i], col)) { return i; } }
    return -1;
  }

  function runs() {
    var seen = [];
    tables.forEach(function (t) { if (seen.indexOf(t.run) < 0) { seen.push(t.run); } });
    return seen;
  }

  /* The series a panel draws: [{label, run, col, x, y}], in a stable order. */
  function panelSeries(p) {
    var out = [];
    tables.forEach(function (t) {
      var specs = p.cols[t.kind];
      if (!specs) { return; }
      Object.keys(t.series).forEach(function (col) {
        var i = specIndex(specs, col);
        if (i < 0) { return; }
        var xy = t.series[col];
        if (!xy[0].length) { return; }
        out.push({ run: t.run, kind: t.kind, col: col, spec: i, x: xy[0], y: xy[1] });
      });
    });
    return out;
  }

  /* [min, max] of every value when the panel wants a log axis, else null (a value ≤ 0, a [0, 1] panel, < 2 decades). */
  function logRange(p, series) {
    if (p.unit) { return null; }
    var lo = Infinity, hi = -Infinity;
    for (var s = 0; s < series.length; s++) {
      var y = series[s].y;
      for (var i = 0; i < y.length; i++) {
        if (y[i] <= 0) { return null; }
        if (y[i] < lo) { lo = y[i]; }
        if (y[i] > hi) { hi = y[i]; }
      }
    }
    return lo > 0 && hi / lo > 100 ? [lo, hi] : null;
  }

  /* Axis numbers: short, with an exponent for very small or large values. */
  function tick(v) {
    if (v === null || v === undefined) { return ''; }
    var a = Math.abs(v);
    if (a === 0) { return '0'; }
    if (a >= 1e5 || a < 1e-3) { return v.toExponential(0).replace('e+', 'e'); }
    return String(+v.toPrecision(4));
  }

  /* Sorted, de-duplicated x per series (uPlot.join needs ascending x). */
  function ordered(s) {
    var idx = s.x.map(function (_, i) { return i; });
    var sorted = true;
    for (var i = 1; i < s.x.length; i++) { if (s.x[i] <= s.x[i - 1]) { sorted = false; break; } }
    if (sorted) { return [s.x, s.y]; }
    idx.sort(function (a, b) { return s.x[a] - s.x[b] || a - b; });
    var xs = [], ys = [];
    idx.forEach(function (i) {
      if (xs.length && xs[xs.length - 1] === s.x[i]) { ys[ys.length - 1] = s.y[i]; return; }
      xs.push(s.x[i]); ys.push(s.y[i]);
    });
    return [xs, ys];
  }

  function build(p, series, section) {
    var allRuns = runs();
    var oneRun = allRuns.length === 1;
    offSet(p, series);
    var range = logRange(p, series);
    var log = range !== null;
    var aligned = uPlot.join(series.map(ordered));
    var labels = series.map(function (s) {
      var name = (s.kind === 'metrics' || s.kind === 'trajectory' || s.kind === 'monitor') ? s.col : s.kind + ' ' + s.col;
      return oneRun ? name : s.run + ' · ' + name;
    });
    var colorBy = oneRun || series.every(function (s) { return s.run === series[0].run; });
    var columns = [];
    series.forEach(function (s) { if (columns.indexOf(s.col) < 0) { columns.push(s.col); } });
    var opts = {
      width: Math.max(300, section.clientWidth - 30),
      height: 300,
      cursor: { drag: { x: true, y: false } },
      legend: { show: false },
      scales: { x: { time: false }, y: p.unit ? { range: [0, 1] } : {} },
      axes: [{ label: p.xlabel || 'step', size: 44 }, log
        ? { size: 60, incrs: [1, 2, 3, 5, 10, 20, 50], values: function (u, vals) {
          return vals.map(function (v) { return tick(Math.pow(10, v)); });
        } }
        : { size: 60, values: function (u, vals) { return vals.map(tick); } }],
      series: [{ label: p.xlabel || 'step' }].concat(series.map(function (s, i) {
        var c = colorBy ? PALETTE[columns.indexOf(s.col) % PALETTE.length]
          : PALETTE[allRuns.indexOf(s.run) % PALETTE.length];
        var dash = colorBy ? [] : DASHES[s.spec % DASHES.length];
        return { label: labels[i], stroke: c, width: 1.4, dash: dash, spanGaps: true, points: { show: s.x.length < 3 },
          show: shown(p, s) };
      })),
      bands: []
    };
    if (p.band) {
      series.forEach(function (s, i) {
        if (s.col !== p.band[0]) { return; }
        series.forEach(function (t, j) {
          if (t.run === s.run && t.kind === s.kind && t.col === p.band[1]) {
            opts.bands.push({ series: [i + 1, j + 1], fill: 'rgba(43,108,176,0.10)' });
          }
        });
      });
    }
    if (log) {
      // drawn as log10(y) on a linear scale with ticks at whole decades: uPlot's own log scale fails on
      // ranges that reach below about 1e-14 (eigen-residuals do)
      for (var k = 1; k < aligned.length; k++) {
        aligned[k] = aligned[k].map(function (v) { return v > 0 ? Math.log10(v) : undefined; });
      }
    }
    var legend = [];
    if (colorBy) {
      columns.forEach(function (c, i) { legend.push({ name: c, color: PALETTE[i % PALETTE.length], dash: [] }); });
    } else {
      allRuns.forEach(function (r, i) {
        if (series.some(function (s) { return s.run === r; })) {
          legend.push({ name: r, color: PALETTE[i % PALETTE.length], dash: [] });
        }
      });
      var specs = [];
      series.forEach(function (s) {
        if (!specs.some(function (x) { return x.spec === s.spec; })) { specs.push({ spec: s.spec, col: s.col }); }
      });
      if (specs.length > 1) {
        specs.forEach(function (x) {
          var name = typeof p.cols[series[0].kind] !== 'undefined' && typeof p.cols[series[0].kind][x.spec] !== 'string'
            ? x.col.replace(/_\d+$/, '_i') : x.col;
          legend.push({ name: name, color: '#444', dash: DASHES[x.spec % DASHES.length] });
        });
      }
    }
    return { opts: opts, data: aligned, legend: legend, key: labels.join('|') + (log ? '|log' : '') };
  }

  /* Mini-batch columns start switched off where the panel has others (the legend says so; a click shows them). */
  function offSet(p, series) {
    if (!off[p.id]) {
      off[p.id] = (p.hide || []).filter(function (c) {
        return series.some(function (s) { return s.col === c; }) && series.some(function (s) { return p.hide.indexOf(s.col) < 0; });
      });
    }
    return off[p.id];
  }

  function shown(p, s) {
    var o = off[p.id] || [];
    return o.indexOf(s.col) < 0 && o.indexOf(s.run) < 0 && o.indexOf(s.col.replace(/_\d+$/, '_i')) < 0;
  }

  function panelSection(id, title, note, wide, container) {
    var s = document.getElementById('panel-' + id);
    if (s) { return s; }
    s = el('section', { id: 'panel-' + id, 'class': wide ? 'wide' : '' });
    s.appendChild(el('h2', null, title));
    if (note) { s.appendChild(el('p', { 'class': 'note' }, note)); }
    document.getElementById(container || 'panels').appendChild(s);
    var a = el('a', { href: '#panel-' + id }, title);
    document.getElementById('toc').appendChild(a);
    return s;
  }

  function renderCharts() {
    PANELS.forEach(function (p) {
      var series = panelSeries(p);
      if (!series.length) { return; }
      var section = panelSection(p.id, p.title, p.note, false);
      var b = build(p, series, section);
      var c = charts[p.id];
      if (c && c.key === b.key) {
        c.series = series;
        c.uplot.setData(b.data);
        return;
      }
      if (c) { c.uplot.destroy(); c.div.remove(); c.legend.remove(); }
      var div = el('div', { 'class': 'chart', 'data-panel': p.id });
      section.appendChild(div);
      var legend = section.appendChild(el('div', { 'class': 'legend' }));
      b.legend.forEach(function (l) {
        var m = meaning(l.name);
        var item = legend.appendChild(el('span', { 'class': 'item' + ((off[p.id] || []).indexOf(l.name) >= 0 ? ' off' : ''),
          title: (m ? m + ' · ' : '') + 'click to show or hide' }));
        item.addEventListener('click', function () {
          var o = off[p.id];
          var at = o.indexOf(l.name);
          if (at >= 0) { o.splice(at, 1); } else { o.push(l.name); }
          item.classList.toggle('off', at < 0);
          var c = charts[p.id];
          c.series.forEach(function (s, i) { c.uplot.setSeries(i + 1, { show: shown(p, s) }); });
        });
        var sw = item.appendChild(el('canvas', { width: 26, height: 10 }));
        var g = sw.getContext('2d');
        g.strokeStyle = l.color; g.lineWidth = 2; g.setLineDash(l.dash);
        g.beginPath(); g.moveTo(1, 5); g.lineTo(25, 5); g.stroke();
        item.appendChild(document.createTextNode(l.name));
      });
      charts[p.id] = { uplot: new uPlot(b.opts, b.data, div), key: b.key, div: div, legend: legend, series: series };
    });
  }

  /* Findings (monitor) and events (metrics) on a shared step axis: one track per code and run, the code first. */
  function renderTimeline() {
    var rows = [];
    var lo = Infinity, hi = -Infinity;
    tables.forEach(function (t) {
      if (TIME_KINDS.indexOf(t.kind) < 0) { return; }
      ['findings', 'event'].forEach(function (col) {
        var tx = t.text[col];
        if (!tx) { return; }
        var byCode = {};
        for (var i = 0; i < tx[0].length; i++) {
          String(tx[1][i]).split(';').forEach(function (code) {
            code = code.trim();
            if (!code) { return; }
            (byCode[code] = byCode[code] || []).push(tx[0][i]);
          });
        }
        Object.keys(byCode).sort().forEach(function (code) {
          rows.push({ code: code, name: code + ' · ' + t.run, steps: byCode[code] });
        });
      });
      if (t.last !== undefined) { lo = Math.min(lo, 0); hi = Math.max(hi, t.last); }
    });
    if (!rows.length) { return; }
    var section = panelSection('timeline', 'Findings and events on a timeline',
      'Monitor findings (alignment-falling, suspicious-alignment, …) and training events (switch, refresh, divergence) by step.', true);
    var box = section.querySelector('.timeline') || section.appendChild(el('div', { 'class': 'timeline' }));
    box.innerHTML = '';
    var span = hi > lo ? hi - lo : 1;
    var codes = [];
    rows.forEach(function (r) {
      if (codes.indexOf(r.code) < 0) { codes.push(r.code); }
    });
    rows.forEach(function (r) {
      var row = el('div', { 'class': 'row' });
      row.appendChild(el('div', { 'class': 'name', title: r.name }, r.name));
      var track = el('div', { 'class': 'track' });
      var color = PALETTE[codes.indexOf(r.code) % PALETTE.length];
      var step = Math.max(1, Math.floor(r.steps.length / 400));
      for (var i = 0; i < r.steps.length; i += step) {
        var m = el('div', { 'class': 'mark', title: 'step ' + r.steps[i] });
        m.style.left = (100 * (r.steps[i] - lo) / span).toFixed(3) + '%';
        m.style.background = color;
        track.appendChild(m);
      }
      row.appendChild(track);
      row.appendChild(el('div', { 'class': 'count' }, r.steps.length + '×'));
      box.appendChild(row);
    });
    var axis = el('div', { 'class': 'axis' });
    axis.appendChild(el('span', null, 'step ' + lo));
    axis.appendChild(el('span', null, 'step ' + hi));
    box.appendChild(axis);
  }

  /* What a column holds, as the run folders' manifests declare it ("columns": file kind -> [{name, unit, meaning}]);
     lambda_3 matches the declaration lambda_i. */
  function meaning(name) {
    var found = null;
    sources.forEach(function (src) {
      var kinds = src.manifest && src.manifest.columns;
      if (found || !kinds || typeof kinds !== 'object') { return; }
      Object.keys(kinds).forEach(function (k) {
        (kinds[k] || []).forEach(function (c) {
          if (!found && (c.name === name || c.name === name.replace(/_\d+$/, '_i'))) {
            found = c.meaning + (c.unit && c.unit !== '1' ? ' [' + c.unit + ']' : '');
          }
        });
      });
    });
    return found;
  }

  /* A run whose manifest does not say complete: the page says so above everything else. */
  var STATUS_TEXT = {
    running: 'is still running: what is shown is what it has written so far',
    killed: 'was killed before it finished (its manifest says running and no process holds its folder): results are partial',
    failed: 'failed before it finished: results are partial'
  };

  function renderIncomplete() {
    var lines = [];
    sources.forEach(function (src) {
      var s = src.status;
      if (s && s !== 'complete') {
        var why = src.manifest && src.manifest.error ? ' (' + src.manifest.error + ')' : '';
        lines.push(src.label + ' ' + (STATUS_TEXT[s] || 'has status ' + s) + why);
      }
    });
    var b = document.getElementById('incomplete');
    b.textContent = lines.join(' · ');
    b.hidden = lines.length === 0;
  }

  function renderStatic() {
    renderIncomplete();
    sources.forEach(function (src, n) {
      src.tables.forEach(function (t, i) {
        var s = panelSection('table-' + n + '-' + i, src.label + ' / ' + t.file,
          t.total > t.rows.length ? 'first ' + t.rows.length + ' of ' + t.total + ' rows' : t.total + ' rows', true, 'extras');
        var wrap = s.appendChild(el('div', { 'class': 'scroll' }));
        var table = wrap.appendChild(el('table'));
        var head = table.appendChild(el('tr'));
        t.columns.forEach(function (c) { head.appendChild(el('th', null, c)); });
        t.rows.forEach(function (r) {
          var tr = table.appendChild(el('tr'));
          r.forEach(function (f) { tr.appendChild(el('td', null, f)); });
        });
      });
    });
    sources.forEach(function (src, n) {
      if (!src.figures.length) { return; }
      var s = panelSection('figures-' + n, 'Figures: ' + src.label, 'PNG files in the run folder.', true, 'extras');
      var box = s.appendChild(el('div', { 'class': 'figures' }));
      src.figures.forEach(function (f) {
        var a = box.appendChild(el('a', { href: (src.base || '') + f }));
        a.appendChild(el('img', { src: (src.base || '') + f, alt: f, loading: 'lazy' }));
        a.appendChild(document.createTextNode(f));
      });
    });
    sources.forEach(function (src, n) {
      var s = panelSection('config-' + n, 'Configuration: ' + src.label, 'manifest.json: version, command, settings, seeds, BLAS, precision, data.', true, 'extras');
      var d = s.appendChild(el('details', src.manifest ? { open: '' } : null));
      d.appendChild(el('summary', null, 'manifest.json'));
      d.appendChild(el('pre', null, src.manifest ? JSON.stringify(src.manifest, null, 2) : 'no manifest.json'));
    });
  }

  function lastStep() {
    var last = null;
    tables.forEach(function (t) {
      if (TIME_KINDS.indexOf(t.kind) >= 0 && t.last !== undefined && (last === null || t.last > last)) { last = t.last; }
    });
    return last;
  }

  function renderStatus(text, cls) {
    var st = document.getElementById('status');
    var last = lastStep();
    st.setAttribute('data-last-step', last === null ? '' : String(last));
    st.className = cls || '';
    st.textContent = text + (last === null ? '' : ' · last step ' + last) + ' · ' + runs().length + ' run(s)';
  }

  function render() {
    renderCharts();
    renderTimeline();
  }

  function setSources(list) {
    sources = list;
    tables = [];
    list.forEach(function (s) { s.series.forEach(function (t) { tables.push(t); }); });
    Object.keys(charts).forEach(function (k) { charts[k].uplot.destroy(); });
    charts = {};
    document.getElementById('panels').innerHTML = '';
    document.getElementById('extras').innerHTML = '';
    document.getElementById('toc').innerHTML = '';
    render();
    renderStatic();
  }

  /* Appends the rows of a live update to the table with the same id (or adds the table). */
  function merge(frag) {
    var t = null;
    for (var i = 0; i < tables.length; i++) { if (tables[i].id === frag.id) { t = tables[i]; break; } }
    if (!t || frag.reset) {
      if (t) { tables.splice(tables.indexOf(t), 1); }
      tables.push(frag);
      return;
    }
    ['series', 'text'].forEach(function (part) {
      Object.keys(frag[part]).forEach(function (col) {
        var add = frag[part][col];
        var have = t[part][col];
        if (!have) { t[part][col] = add; return; }
        have[0] = have[0].concat(add[0]);
        have[1] = have[1].concat(add[1]);
      });
    });
    if (frag.last !== undefined && (t.last === undefined || frag.last > t.last)) { t.last = frag.last; }
  }

  function schedule() {
    if (pending) { return; }
    pending = setTimeout(function () { pending = null; render(); renderStatus('live', 'live'); }, 250);
  }

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) {
      var c = charts[k];
      c.uplot.setSize({ width: Math.max(300, c.div.parentNode.clientWidth - 30), height: 300 });
    });
  });

  if (DATA.live) {
    renderStatus('connecting', '');
    var es = new EventSource('api/events');
    es.addEventListener('snapshot', function (e) {
      setSources(JSON.parse(e.data).sources);
      renderStatus('live', 'live');
    });
    es.addEventListener('rows', function (e) {
      JSON.parse(e.data).forEach(merge);
      schedule();
    });
    es.onerror = function () { renderStatus('disconnected (retrying)', 'down'); };
  } else {
    setSources(DATA.sources);
    renderStatus('report of ' + DATA.generated.replace('T', ' ').replace(/\.\d+Z$/, ' UTC') + ', AlignScope ' + DATA.version);
  }
}());
