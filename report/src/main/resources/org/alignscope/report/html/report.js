/*
 * AlignScope report renderer. Reads the page data (the JSON block #alignscope-data, see ReportPage.data),
 * draws one uPlot chart per panel from the run folders' series, the findings timeline, tables, figures and
 * manifests. Runs that differ only in their seed form a group (m=50, dom): one colour, drawn as the mean over
 * the seeds with a band (min–max or ± one standard error), the seeds themselves on demand; legends list groups. In live mode (the dashboard) it takes its data from the server-sent events at api/events:
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

  /*
   * One chart per panel: which columns of which files it draws. A string is a column, a RegExp a family; unit: on
   * [0, 1]; logx: a log-step axis by default (the alignment's early phase); hide: columns that start hidden.
   */
  var PANELS = [
    { id: 'loss', title: 'Loss', note: 'metrics: mini-batch, reference-set and training loss; quad: ½xᵀAx; monitor: reference loss.',
      cols: { metrics: ['batch_loss', 'ref_loss', 'train_loss'], trajectory: ['loss'], monitor: ['loss'] },
      hide: ['batch_loss'] },
    { id: 'accuracy', unit: true, title: 'Accuracy', note: 'Training and test accuracy.',
      cols: { metrics: ['train_acc', 'test_acc'] } },
    { id: 'theta', unit: true, logx: true, title: 'Alignment θ (squared)', note: 'θ = ‖P_D g‖² / ‖g‖², the paper’s squared alignment of the gradient with the top-k Hessian eigenspace.',
      cols: { metrics: ['ref_theta', 'batch_theta', 'update_theta'], trajectory: ['theta'], monitor: ['theta'] },
      hide: ['batch_theta', 'update_theta'] },
    { id: 'chi', unit: true, logx: true, title: 'Alignment χ = √θ (unsquared)', note: 'Song et al.’s unsquared form; chi_ema is the switch criterion’s moving average.',
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

  var ARM_COLORS = { plain: '#4d4d4d', dom: '#d62728', bulk: '#1f77b4' };
  var ARM_ORDER = ['plain', 'dom', 'bulk'];
  /* viridis, as the heat maps use it; a numeric setting runs along it from dark (small) to light (large) */
  var VIRIDIS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  /* a path segment such as m_50, seed_42 or lr_0.01 names a key and its value */
  var KEY_VALUE = /^([A-Za-z][A-Za-z0-9]*)_(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$/;
  var BAND_TEXT = { minmax: 'band: min–max over the seeds', se: 'band: mean ± 1 standard error over the seeds',
    none: 'no band' };

  var tables = [];        // series tables: {id, run, kind, x, last, source, series: {col: [[x], [y]]}, text: {...}}
  var sources = [];       // run folders: {label, base, manifest, figures, tables, series}
  var charts = {};        // panel id -> {uplot, key, div, legend, meta}
  var off = {};           // panel id -> column names switched off in that panel
  var hiddenGroups = {};  // group label -> true while switched off (in every panel)
  var view = {};          // panel id -> {logx, logy, smooth}: the panel's own controls
  var settings = { filter: [], band: 'minmax', seeds: false };
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

  function isArmKey(k) { return /^arm\d*$/.test(k) || k === 'folder'; }

  /* The keys a run's folder names: m_50/seed_42 -> {m: 50, seed: 42}; other names (plain, dom) -> {arm: ...}. */
  function pathKeys(t) {
    var src = sources[t.source] || sources[0] || { label: '' };
    var rest = t.run.indexOf(src.label + '/') === 0 ? t.run.substring(src.label.length + 1) : '';
    var keys = {};
    var names = 0;
    rest.split('/').forEach(function (seg) {
      if (!seg) { return; }
      var m = KEY_VALUE.exec(seg);
      if (m) { keys[m[1]] = m[2]; } else { keys[names ? 'arm' + (names + 1) : 'arm'] = seg; names++; }
    });
    return keys;
  }

  /* A manifest's scalar settings as text (lists joined by commas). */
  function settingsOf(manifest) {
    var out = {};
    var s = manifest && manifest.settings;
    if (!s || typeof s !== 'object') { return out; }
    Object.keys(s).forEach(function (k) {
      var v = s[k];
      if (v === null || typeof v !== 'object') {
        out[k] = String(v);
      } else if (Array.isArray(v) && v.every(function (x) { return x === null || typeof x !== 'object'; })) {
        out[k] = v.join(',');
      }
    });
    return out;
  }

  /* Compared folders are told apart by the settings their manifests differ in (up to three), else by name. */
  function sourceKeys() {
    if (sources.length < 2) { return sources.map(function () { return {}; }); }
    var flat = sources.map(function (s) { return settingsOf(s.manifest); });
    var names = [];
    flat.forEach(function (f) { Object.keys(f).forEach(function (k) { if (names.indexOf(k) < 0) { names.push(k); } }); });
    var differing = names.filter(function (k) {
      return distinct(flat.map(function (f) { return f[k] === undefined ? '' : f[k]; })).length > 1;
    });
    if (!differing.length || differing.length > 3) {
      return sources.map(function (s) { return { folder: s.label }; });
    }
    return flat.map(function (f) {
      var o = {};
      differing.forEach(function (k) { o[k] = f[k] === undefined ? '' : f[k]; });
      return o;
    });
  }

  function distinct(values) {
    var out = [];
    values.forEach(function (v) { if (out.indexOf(v) < 0) { out.push(v); } });
    return out;
  }

  /* Numbers in numeric order, the arms plain, dom, bulk first, other text alphabetically. */
  function compareValues(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== '' && b !== '' && isFinite(x) && isFinite(y)) { return x - y; }
    var i = ARM_ORDER.indexOf(a), j = ARM_ORDER.indexOf(b);
    if (i >= 0 || j >= 0) { return (i < 0 ? 99 : i) - (j < 0 ? 99 : j); }
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function viridis(f) {
    var at = f * (VIRIDIS.length - 1);
    var i = Math.min(VIRIDIS.length - 2, Math.floor(at));
    var w = at - i;
    var c = VIRIDIS[i].map(function (v, k) { return Math.round(v + w * (VIRIDIS[i + 1][k] - v)); });
    return 'rgb(' + c.join(',') + ')';
  }

  /*
   * The groups: runs that differ only in their seed. The keys come from the folder names (m_*, seed_*, arm names)
   * and, for compared folders, the settings their manifests differ in; keys with one value across all runs do not
   * split groups. Returns {byRun: run -> {group, seed}, groups: [{label, keys, color}] in order, keys}.
   */
  function classify() {
    var sk = sourceKeys();
    var keysOf = {};
    var names = [];
    tables.forEach(function (t) {
      if (keysOf[t.run]) { return; }
      var k = {};
      var fromSource = sk[t.source] || {};
      Object.keys(fromSource).forEach(function (n) { k[n] = fromSource[n]; });
      var fromPath = pathKeys(t);
      Object.keys(fromPath).forEach(function (n) { k[n] = fromPath[n]; });
      Object.keys(k).forEach(function (n) { if (names.indexOf(n) < 0) { names.push(n); } });
      keysOf[t.run] = k;
    });
    var all = Object.keys(keysOf);
    var value = function (r, k) { return keysOf[r][k] === undefined ? '' : keysOf[r][k]; };
    var keys = names.filter(function (k) {
      return k !== 'seed' && distinct(all.map(function (r) { return value(r, k); })).length > 1;
    });
    if (!keys.length) { keys = names.filter(function (k) { return k !== 'seed'; }); }
    var byRun = {};
    var groups = {};
    all.forEach(function (r) {
      var values = keys.map(function (k) { return value(r, k); });
      var label = keys.length ? keys.map(function (k, i) { return isArmKey(k) ? values[i] : k + '=' + values[i]; }).join(' · ')
        : (sources[0] ? sources[0].label : 'run');
      byRun[r] = { group: label, seed: keysOf[r].seed };
      if (!groups[label]) { groups[label] = { label: label, values: values }; }
    });
    var list = Object.keys(groups).map(function (g) { return groups[g]; });
    list.sort(function (a, b) {
      var labels = sources.map(function (src) { return src.label; });
      for (var i = 0; i < keys.length; i++) {
        // compared folders keep the order they were given in
        var c = keys[i] === 'folder' ? labels.indexOf(a.values[i]) - labels.indexOf(b.values[i])
          : compareValues(a.values[i], b.values[i]);
        if (c) { return c; }
      }
      return 0;
    });
    var numeric = keys.length === 1 && list.every(function (g) { return g.values[0] !== '' && isFinite(Number(g.values[0])); });
    list.forEach(function (g, i) {
      if (numeric && list.length > 1) {
        g.color = viridis(0.9 * i / (list.length - 1));
      } else if (keys.length === 1 && isArmKey(keys[0]) && ARM_COLORS[g.values[0]]) {
        g.color = ARM_COLORS[g.values[0]];
      } else {
        g.color = PALETTE[i % PALETTE.length];
      }
      g.tokens = keys.map(function (k, j) { return (k + '=' + g.values[j]).toLowerCase(); });
    });
    return { byRun: byRun, groups: list, keys: keys };
  }

  /* Sorted, de-duplicated x per series (uPlot.join needs ascending x). */
  function ordered(xy) {
    var x = xy[0], y = xy[1];
    var sorted = true;
    for (var i = 1; i < x.length; i++) { if (x[i] <= x[i - 1]) { sorted = false; break; } }
    if (sorted) { return [x, y]; }
    var idx = x.map(function (_, i) { return i; });
    idx.sort(function (a, b) { return x[a] - x[b] || a - b; });
    var xs = [], ys = [];
    idx.forEach(function (i) {
      if (xs.length && xs[xs.length - 1] === x[i]) { ys[ys.length - 1] = y[i]; return; }
      xs.push(x[i]); ys.push(y[i]);
    });
    return [xs, ys];
  }

  /*
   * A panel's lines: one per group and column, holding the runs (seeds) of the group. Sorted by group, then by
   * the column's place in the panel.
   */
  function panelLines(p, cls) {
    var byId = {};
    var lines = [];
    var variants = [];
    tables.forEach(function (t) {
      var specs = p.cols[t.kind];
      if (!specs) { return; }
      Object.keys(t.series).forEach(function (col) {
        var i = specIndex(specs, col);
        var xy = t.series[col];
        if (i < 0 || !xy[0].length) { return; }
        var variant = TIME_KINDS.indexOf(t.kind) >= 0 ? col : t.kind + ' ' + col;
        if (variants.indexOf(variant) < 0) { variants.push(variant); }
        var g = cls.byRun[t.run];
        var id = g.group + '|' + variant;
        if (!byId[id]) {
          byId[id] = { group: g.group, kind: t.kind, col: col, spec: i, variant: variant, members: [] };
          lines.push(byId[id]);
        }
        byId[id].members.push({ run: t.run, seed: g.seed, xy: ordered(xy) });
      });
    });
    var groupOrder = cls.groups.map(function (g) { return g.label; });
    lines.sort(function (a, b) {
      return groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) || a.spec - b.spec
        || variants.indexOf(a.variant) - variants.indexOf(b.variant);
    });
    return { lines: lines, variants: variants };
  }

  /* Exponential moving average with bias correction (as TensorBoard smooths): weight w on the past. */
  function smooth(y, w) {
    if (!(w > 0)) { return y; }
    var out = new Array(y.length);
    var last = 0, norm = 0;
    for (var i = 0; i < y.length; i++) {
      last = w * last + (1 - w) * y[i];
      norm = w * norm + (1 - w);
      out[i] = last / norm;
    }
    return out;
  }

  /* A member's value at each x of grid by linear interpolation; null outside its own range. */
  function resample(xy, grid) {
    var x = xy[0], y = xy[1];
    var out = new Array(grid.length);
    var j = 0;
    for (var i = 0; i < grid.length; i++) {
      var g = grid[i];
      if (!x.length || g < x[0] || g > x[x.length - 1]) { out[i] = null; continue; }
      while (j < x.length - 1 && x[j + 1] < g) { j++; }
      if (x[j] === g || j === x.length - 1) { out[i] = y[j]; continue; }
      var f = (g - x[j]) / (x[j + 1] - x[j]);
      out[i] = y[j] + f * (y[j + 1] - y[j]);
    }
    return out;
  }

  /*
   * A line's group statistics over its seeds: on the x of its longest member, the mean of the members there, and
   * the band (min–max or ± one standard error). A line of one run is that run.
   */
  function aggregate(line, w) {
    var members = line.members.map(function (m) { return [m.xy[0], smooth(m.xy[1], w)]; });
    if (members.length === 1) { return { mean: members[0], members: members }; }
    var grid = members.reduce(function (a, m) { return m[0].length > a[0].length ? m : a; }, members[0])[0];
    var values = members.map(function (m) { return resample(m, grid); });
    var mean = [], lo = [], hi = [], seLo = [], seHi = [];
    for (var i = 0; i < grid.length; i++) {
      var n = 0, sum = 0, sq = 0, min = Infinity, max = -Infinity;
      for (var k = 0; k < values.length; k++) {
        var v = values[k][i];
        if (v === null) { continue; }
        n++; sum += v; sq += v * v;
        if (v < min) { min = v; }
        if (v > max) { max = v; }
      }
      if (!n) { mean.push(null); lo.push(null); hi.push(null); seLo.push(null); seHi.push(null); continue; }
      var m = sum / n;
      var se = n > 1 ? Math.sqrt(Math.max(0, (sq - n * m * m) / (n - 1)) / n) : 0;
      mean.push(m); lo.push(min); hi.push(max); seLo.push(m - se); seHi.push(m + se);
    }
    return { mean: [grid, mean], lo: [grid, settings.band === 'se' ? seLo : lo],
      hi: [grid, settings.band === 'se' ? seHi : hi], members: members };
  }

  /* Whether every value of the panel is positive and spans more than two decades (the default y scale then). */
  function wantsLogY(p, lines) {
    if (p.unit) { return false; }
    var lo = Infinity, hi = -Infinity;
    for (var s = 0; s < lines.length; s++) {
      for (var m = 0; m < lines[s].members.length; m++) {
        var y = lines[s].members[m].xy[1];
        for (var i = 0; i < y.length; i++) {
          if (y[i] <= 0) { return false; }
          if (y[i] < lo) { lo = y[i]; }
          if (y[i] > hi) { hi = y[i]; }
        }
      }
    }
    return lo > 0 && hi / lo > 100;
  }

  /* Axis numbers: short, with an exponent for very small or large values. */
  function tick(v) {
    if (v === null || v === undefined) { return ''; }
    var a = Math.abs(v);
    if (a === 0) { return '0'; }
    if (a >= 1e5 || a < 1e-3) { return v.toExponential(0).replace('e+', 'e'); }
    return String(+v.toPrecision(4));
  }

  function plainTicks(u, vals) { return vals.map(tick); }

  /* Labels of the log-step axis: step 0 and whole decades inside the plotted range (its splits reach past it). */
  function decades(u, vals) {
    var x = u.scales.x;
    return vals.map(function (v) {
      var decade = v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
      return v >= x.min && v <= x.max && (v === 0 || decade) ? tick(v) : '';
    });
  }

  function alpha(color, a) {
    if (color.charAt(0) === '#') {
      var n = parseInt(color.substring(1), 16);
      return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
    }
    return color.replace('rgb(', 'rgba(').replace(')', ',' + a + ')');
  }

  function viewOf(p, lines) {
    if (!view[p.id]) {
      view[p.id] = { logx: !!p.logx && !p.xlabel, logy: wantsLogY(p, lines), smooth: 0 };
    }
    return view[p.id];
  }

  /* Whether a filter word picks a line: key=value names a group exactly, other words are parts of a name. */
  function filtered(group, line) {
    if (!settings.filter.length) { return true; }
    return settings.filter.some(function (w) {
      if (w.indexOf('=') > 0) { return group.tokens.indexOf(w) >= 0; }
      return group.label.toLowerCase().indexOf(w) >= 0 || line.variant.toLowerCase().indexOf(w) >= 0;
    });
  }

  function shown(p, m) {
    var o = off[p.id] || [];
    if (hiddenGroups[m.group] || !m.picked || o.indexOf(m.col) >= 0 || o.indexOf(m.variant) >= 0
        || o.indexOf(m.col.replace(/_\d+$/, '_i')) >= 0) { return false; }
    return m.role !== 'seed' || settings.seeds;
  }

  /*
   * The chart of a panel: per line its mean (or its one run), the band's upper and lower edges, and its seeds
   * (drawn thin, shown on demand). Colour: the group's where the panel has several groups, else the column's;
   * dash: the column.
   */
  function build(p, found, cls, section) {
    var lines = found.lines;
    var v = viewOf(p, lines);
    offSet(p, lines);
    var groupsHere = distinct(lines.map(function (l) { return l.group; }));
    var byGroup = groupsHere.length > 1;
    var groupOf = {};
    cls.groups.forEach(function (g) { groupOf[g.label] = g; });
    // dash patterns go first to the columns shown from the start (the mini-batch ones start hidden)
    var hiddenFirst = function (l) { return (p.hide || []).indexOf(l.col) >= 0 ? 1 : 0; };
    var specs = distinct(lines.slice().sort(function (a, b) { return hiddenFirst(a) - hiddenFirst(b) || a.spec - b.spec; })
      .map(function (l) { return l.spec; }));
    var parts = [], meta = [], uSeries = [{ label: p.xlabel || 'step' }], bands = [];
    var bandEdges = {};
    var seeded = 0;
    lines.forEach(function (l) {
      var g = groupOf[l.group];
      var color = byGroup ? g.color : PALETTE[found.variants.indexOf(l.variant) % PALETTE.length];
      var dash = byGroup ? DASHES[specs.indexOf(l.spec) % DASHES.length] : [];
      var name = (byGroup ? l.group : '') + (byGroup && found.variants.length > 1 ? ' · ' : '')
        + (!byGroup || found.variants.length > 1 ? l.variant : '');
      var a = aggregate(l, v.smooth);
      var picked = filtered(g, l);
      var add = function (xy, role, s) {
        parts.push(xy);
        var m = { group: l.group, col: l.col, variant: l.variant, role: role, picked: picked };
        meta.push(m);
        s.show = shown(p, m);
        s.spanGaps = true;
        uSeries.push(s);
        return uSeries.length - 1;
      };
      var one = l.members.length === 1;
      bandEdges[l.group + '|' + l.kind + '|' + l.col] = add(a.mean, one ? 'single' : 'mean', { label: name + (one ? '' : ' (mean of ' + l.members.length + ')'),
        stroke: color, width: one ? 1.4 : 1.8, dash: dash, points: { show: a.mean[0].length < 3 } });
      if (!one) {
        seeded = Math.max(seeded, l.members.length);
        if (settings.band !== 'none') {
          var hi = add(a.hi, 'band', { label: name + ' band upper', stroke: 'rgba(0,0,0,0)', width: 0, points: { show: false } });
          var lo = add(a.lo, 'band', { label: name + ' band lower', stroke: 'rgba(0,0,0,0)', width: 0, points: { show: false } });
          bands.push({ series: [hi, lo], fill: alpha(color, 0.15) });
        }
        a.members.forEach(function (m, i) {
          add(m, 'seed', { label: name + ' seed ' + (l.members[i].seed === undefined ? l.members[i].run : l.members[i].seed),
            stroke: alpha(color, 0.45), width: 0.7, dash: dash, points: { show: false } });
        });
      }
    });
    if (p.band) {
      Object.keys(bandEdges).forEach(function (k) {
        var at = k.split('|');
        if (at[2] !== p.band[0]) { return; }
        var other = bandEdges[at[0] + '|' + at[1] + '|' + p.band[1]];
        if (other !== undefined) { bands.push({ series: [bandEdges[k], other], fill: 'rgba(43,108,176,0.10)' }); }
      });
    }
    var aligned = uPlot.join(parts);
    if (v.logy) {
      // drawn as log10(y) on a linear scale with ticks at whole decades: uPlot's own log scale fails on
      // ranges that reach below about 1e-14 (eigen-residuals do)
      for (var k = 1; k < aligned.length; k++) {
        aligned[k] = aligned[k].map(function (y) { return y > 0 ? Math.log10(y) : undefined; });
      }
    }
    var opts = {
      width: Math.max(300, section.clientWidth - 30),
      height: 300,
      cursor: { drag: { x: true, y: false } },
      legend: { show: false },
      // the log-step axis is uPlot's asinh scale: linear through step 0, logarithmic from step 1 up
      scales: { x: v.logx ? { time: false, distr: 4, asinh: 1, range: function (u, lo, hi) { return [lo, hi]; } }
        : { time: false },
        y: p.unit && !v.logy ? { range: [0, 1] } : {} },
      axes: [{ label: (p.xlabel || 'step') + (v.logx ? ' (log)' : ''), size: 44, values: v.logx ? decades : plainTicks },
        v.logy
          ? { size: 60, incrs: [1, 2, 3, 5, 10, 20, 50], values: function (u, vals) {
            return vals.map(function (y) { return tick(Math.pow(10, y)); });
          } }
          : { size: 60, values: plainTicks }],
      series: uSeries,
      bands: bands
    };
    var legend = [];
    if (byGroup) {
      groupsHere.forEach(function (gl) { legend.push({ name: gl, group: true, color: groupOf[gl].color, dash: [] }); });
      if (specs.length > 1) {
        specs.forEach(function (sp) {
          var l = lines.filter(function (x) { return x.spec === sp; })[0];
          var name = typeof p.cols[l.kind][sp] !== 'string' ? l.col.replace(/_\d+$/, '_i') : l.col;
          legend.push({ name: name, group: false, color: '#444', dash: DASHES[specs.indexOf(sp) % DASHES.length] });
        });
      }
    } else {
      found.variants.forEach(function (c, i) {
        legend.push({ name: c, group: false, color: PALETTE[i % PALETTE.length], dash: [] });
      });
    }
    var key = uSeries.map(function (s) { return s.label; }).join('|') + '|' + v.logx + v.logy + settings.band;
    return { opts: opts, data: aligned, legend: legend, key: key, meta: meta, seeded: seeded };
  }

  /* Mini-batch columns start switched off where the panel has others (the legend says so; a click shows them). */
  function offSet(p, lines) {
    if (!off[p.id]) {
      off[p.id] = (p.hide || []).filter(function (c) {
        return lines.some(function (s) { return s.col === c; }) && lines.some(function (s) { return p.hide.indexOf(s.col) < 0; });
      });
    }
    return off[p.id];
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

  /* The panel's own controls: log x (over steps), log y, smoothing (over steps). */
  function panelControls(p, section) {
    if (section.querySelector('.controls')) { return; }
    var box = section.appendChild(el('div', { 'class': 'controls' }));
    var check = function (name, what, title) {
      var label = box.appendChild(el('label', { title: title }));
      var input = label.appendChild(el('input', { type: 'checkbox', 'data-control': what }));
      input.checked = view[p.id][what];
      input.addEventListener('change', function () { view[p.id][what] = input.checked; renderChart(p, true); });
      label.appendChild(document.createTextNode(' ' + name));
    };
    if (!p.xlabel) { check('log step', 'logx', 'step axis logarithmic (linear through step 0): the early phase gets room'); }
    check('log y', 'logy', 'value axis logarithmic (values ≤ 0 are left out)');
    if (!p.xlabel) {
      var label = box.appendChild(el('label', { title: 'exponential moving average over the points of each run, before the mean' }));
      label.appendChild(document.createTextNode('smoothing '));
      var range = label.appendChild(el('input', { type: 'range', min: '0', max: '0.99', step: '0.01', value: '0', 'data-control': 'smooth' }));
      var shownValue = label.appendChild(el('span', { 'class': 'value' }, '0'));
      range.addEventListener('input', function () {
        view[p.id].smooth = Number(range.value);
        shownValue.textContent = range.value;
        renderChart(p, true);
      });
    }
  }

  var classes = null;

  function renderCharts() {
    classes = classify();
    PANELS.forEach(function (p) { renderChart(p, false); });
  }

  /* Draws (or redraws) one panel; an unchanged set of series only takes the new data. */
  function renderChart(p, rebuild) {
    var found = panelLines(p, classes);
    if (!found.lines.length) { return; }
    var section = panelSection(p.id, p.title, p.note, false);
    var b = build(p, found, classes, section);
    panelControls(p, section);
    var c = charts[p.id];
    if (c && c.key === b.key && !rebuild) {
      c.meta = b.meta;
      c.uplot.setData(b.data);
      applyVisibility(p);
      return;
    }
    if (c) { c.uplot.destroy(); c.div.remove(); c.legend.remove(); }
    var div = el('div', { 'class': 'chart', 'data-panel': p.id });
    section.appendChild(div);
    var legend = section.appendChild(el('div', { 'class': 'legend' }));
    b.legend.forEach(function (l) {
      var m = l.group ? null : meaning(l.name);
      var isOff = l.group ? hiddenGroups[l.name] : (off[p.id] || []).indexOf(l.name) >= 0;
      var item = legend.appendChild(el('span', { 'class': 'item ' + (l.group ? 'group' : 'column') + (isOff ? ' off' : ''),
        'data-name': l.name, title: (m ? m + ' · ' : '') + 'click to show or hide' + (l.group ? ' (in every panel)' : '') }));
      item.addEventListener('click', function () {
        if (l.group) {
          if (hiddenGroups[l.name]) { delete hiddenGroups[l.name]; } else { hiddenGroups[l.name] = true; }
        } else {
          var o = off[p.id];
          var at = o.indexOf(l.name);
          if (at >= 0) { o.splice(at, 1); } else { o.push(l.name); }
        }
        PANELS.forEach(function (q) { if (charts[q.id]) { applyVisibility(q); } });
      });
      var sw = item.appendChild(el('canvas', { width: 26, height: 10 }));
      var g = sw.getContext('2d');
      g.strokeStyle = l.color; g.lineWidth = 2; g.setLineDash(l.dash);
      g.beginPath(); g.moveTo(1, 5); g.lineTo(25, 5); g.stroke();
      item.appendChild(document.createTextNode(l.name));
    });
    if (b.seeded) {
      legend.appendChild(el('span', { 'class': 'band-note' }, 'lines: mean over up to ' + b.seeded + ' seeds; '
        + BAND_TEXT[settings.band] + (settings.seeds ? '; thin lines: the seeds' : '')));
    }
    charts[p.id] = { uplot: new uPlot(b.opts, b.data, div), key: b.key, div: div, legend: legend, meta: b.meta };
    applyVisibility(p);
  }

  /* Shows and hides a panel's series after a legend click or the filter; a panel the filter empties is hidden. */
  function applyVisibility(p) {
    var c = charts[p.id];
    var any = false;
    c.meta.forEach(function (m, i) {
      var show = shown(p, m);
      any = any || m.picked;
      if (c.uplot.series[i + 1].show !== show) { c.uplot.setSeries(i + 1, { show: show }); }
    });
    Array.prototype.forEach.call(c.legend.querySelectorAll('.item'), function (item) {
      var name = item.getAttribute('data-name');
      var group = item.classList.contains('group');
      item.classList.toggle('off', group ? !!hiddenGroups[name] : (off[p.id] || []).indexOf(name) >= 0);
      if (group) {
        item.hidden = !c.meta.some(function (m) { return m.group === name && m.picked; });
      }
    });
    c.div.parentNode.hidden = !any;
  }

  /* The page-wide controls: the filter, the band, the seeds. */
  function bindControls() {
    var filter = document.getElementById('filter');
    filter.addEventListener('input', function () {
      settings.filter = filter.value.toLowerCase().split(/[\s,]+/).filter(function (w) { return w; });
      renderCharts();
    });
    var band = document.getElementById('band');
    band.addEventListener('change', function () { settings.band = band.value; redrawAll(); });
    var seeds = document.getElementById('seeds');
    seeds.addEventListener('change', function () { settings.seeds = seeds.checked; redrawAll(); });
  }

  function redrawAll() {
    classes = classify();
    PANELS.forEach(function (p) { renderChart(p, true); });
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
    window.alignscopeClaims(sources, panelSection, el);  // claims.js: a verify folder's claims
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
    st.textContent = text + (last === null ? '' : ' · last step ' + last) + ' · ' + runs().length + ' run(s)'
      + (classes ? ' in ' + classes.groups.length + ' group(s)' : '');
  }

  function render() {
    renderCharts();
    renderTimeline();
  }

  function setSources(list) {
    sources = list;
    tables = [];
    list.forEach(function (s, n) { s.series.forEach(function (t) { t.source = n; tables.push(t); }); });
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
    frag.source = 0;  // the dashboard follows one folder
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

  bindControls();
  window.alignscope = { chart: function (id) { return charts[id] && charts[id].uplot; },
    meta: function (id) { return charts[id] && charts[id].meta; } };

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
