/*
 * The claims of a quad verify folder on its page, as its report.md states them: for each claim (the folder's
 * claims.json, embedded by RunFolder as the source's "claims") the statement, the verdict in colour (holds,
 * violated, inconclusive), the worst margin to four significant digits, the counterexample and the corrected
 * statement with its own verdict. report.js calls window.alignscopeClaims(sources, section, el) with its section
 * and element helpers; folders without claims get nothing.
 */
(function () {
  'use strict';

  var NOTE = 'Each claim is written as left ≤ right; the margin is (right − left)/|right| (right − left when right = 0), '
    + 'negative exactly when an instance violates the claim. Verdicts come from the checks alone (report.md says how).';

  /* A margin to four significant digits; n/a where none was computed. */
  function margin(v) {
    if (typeof v !== 'number' || !isFinite(v)) { return 'n/a'; }
    return v.toPrecision(4);
  }

  function verdict(el, status) {
    return el('span', { 'class': 'verdict verdict-' + status }, status);
  }

  function paragraph(el, label, text) {
    var p = el('p');
    p.appendChild(el('strong', null, label + ' '));
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function claim(el, c) {
    var box = el('div', { 'class': 'claim', id: 'claim-' + c.id });
    var head = box.appendChild(el('h3', null, c.id + ' '));
    head.appendChild(verdict(el, c.status));
    box.appendChild(paragraph(el, 'Statement.', c.statement));
    box.appendChild(paragraph(el, 'Result.', 'worst margin ' + margin(c.worst_margin) + ' over ' + c.instances
      + ' instances; ' + c.violated + ' violated and ' + c.inconclusive + ' inconclusive.'
      + (c.worst ? ' Worst instance: ' + c.worst + '.' : '')));
    if (c.counterexample) {
      var x = c.counterexample;
      var p = box.appendChild(paragraph(el, 'Counterexample', ''));
      p.appendChild(el('code', null, x.file));
      p.appendChild(document.createTextNode(' (replay: '));
      p.appendChild(el('code', null, x.replay));
      p.appendChild(document.createTextNode(').' + (x.smallest ? ' Smallest violating instance: ' + x.smallest + '.' : '')));
    }
    if (c.corrected) {
      var f = c.corrected;
      var q = box.appendChild(el('p', { 'class': 'corrected' }));
      q.appendChild(el('strong', null, 'Corrected statement (' + f.id + '): '));
      q.appendChild(document.createTextNode(f.statement + ' Checked by the same machinery: '));
      q.appendChild(verdict(el, f.status));
      q.appendChild(document.createTextNode(' on ' + f.instances + ' instances, worst margin ' + margin(f.worst_margin) + '.'));
    }
    return box;
  }

  window.alignscopeClaims = function (sources, section, el) {
    sources.forEach(function (src, n) {
      if (!src.claims) { return; }
      var s = section('claims-' + n, 'Claims: ' + src.label, NOTE, true, 'extras');
      if (!Array.isArray(src.claims.claims)) {
        s.appendChild(el('p', { 'class': 'empty' }, typeof src.claims === 'string' ? src.claims : 'claims.json holds no claims'));
        return;
      }
      var counts = {};
      src.claims.claims.forEach(function (c) { counts[c.status] = (counts[c.status] || 0) + 1; });
      var summary = s.appendChild(el('p', { 'class': 'claims-summary' }));
      Object.keys(counts).forEach(function (k) {
        summary.appendChild(verdict(el, k));
        summary.appendChild(document.createTextNode(' ' + counts[k] + '  '));
      });
      src.claims.claims.forEach(function (c) { s.appendChild(claim(el, c)); });
    });
  };
}());
