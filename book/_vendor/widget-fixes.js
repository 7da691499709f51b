// Two small fixes for ipywidgets 8 in the static book. Loaded only on pages with widgets,
// after require-config.js (see nb_ipywidgets_js in ../_config.yml).
(function () {
  // 1. Math in widget labels. ipywidgets typesets labels with the MathJax 2 call
  //    MathJax.Hub.Queue, but the book loads MathJax 3 (on pages with math), which would throw
  //    "Cannot read properties of undefined (reading 'Queue')". Map that call onto MathJax 3.
  //    Deferred scripts (MathJax) have run by DOMContentLoaded; widgets render later, on load.
  document.addEventListener("DOMContentLoaded", function () {
    var mj = window.MathJax;
    if (!mj || mj.Hub || !mj.startup) return;
    mj.Hub = {
      Queue: function (job) {
        var el = Array.isArray(job) ? job[2] : undefined;
        mj.startup.promise.then(function () {
          return mj.typesetPromise(el ? [el] : undefined);
        });
      }
    };
  });

  // 2. Slider names for screen readers. A slider's handle (role="slider") has no accessible
  //    name, though the widget shows a description label beside it; give the handle that
  //    label's text (axe-core rule aria-input-field-name).
  function nameSliders(root) {
    var handles = root.querySelectorAll(".noUi-handle[role='slider']:not([aria-label])");
    Array.prototype.forEach.call(handles, function (handle) {
      var widget = handle.closest(".widget-slider, .jupyter-widgets");
      var label = widget && widget.querySelector(".widget-label");
      var text = label && label.textContent.trim();
      handle.setAttribute("aria-label", text || "slider");
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    nameSliders(document);
    new MutationObserver(function () { nameSliders(document); })
      .observe(document.body, { childList: true, subtree: true });
  });
})();
