// Shows the readability report that the server wrote into the preview (an empty element
// with data attributes, see website/readability/preview.py) in the Checks panel, in
// place of Wagtail's own readability score and reading time, which do not fit Portuguese.
(function () {
  'use strict';

  function reportIn(frame) {
    try {
      return frame.contentDocument && frame.contentDocument.getElementById('readability-report');
    } catch (error) {
      return null; // A preview on another origin cannot be read: Wagtail's metrics stay.
    }
  }

  function showWagtailMetrics(shown) {
    ['[data-content-reading-time]', '[data-content-readability-score]'].forEach(function (selector) {
      var metric = document.querySelector(selector);
      if (metric && metric.parentElement) {
        metric.parentElement.hidden = !shown;
      }
    });
  }

  function showReport() {
    var frame = document.getElementById('w-preview-iframe');
    var report = frame && reportIn(frame);
    document.querySelectorAll('[data-readability-metric]').forEach(function (metric) {
      metric.hidden = !report;
    });
    showWagtailMetrics(!report);
    if (!report) {
      return;
    }
    document.querySelectorAll('[data-readability-field]').forEach(function (field) {
      var name = field.getAttribute('data-readability-field');
      field.textContent = report.getAttribute('data-' + name) || '-';
    });
    var below = report.hasAttribute('data-below-target');
    document.querySelectorAll('[data-readability-when]').forEach(function (note) {
      note.hidden = note.getAttribute('data-readability-when') !== (below ? 'below' : 'met');
    });
  }

  document.addEventListener('w-preview:loaded', showReport);
  document.addEventListener('w-preview:content', showReport);
})();
