// Point RequireJS at the vendored @jupyter-widgets/html-manager so that widget pages work
// offline, from disk. Loaded after require.js and before embed-amd.js, only on pages with
// widgets (see nb_ipywidgets_js in ../_config.yml).
//
// embed-amd.js defines all of its AMD modules itself; the paths below only decide each
// module's URL, from which the bundle finds its Font Awesome fonts. Every module is mapped
// into the one folder that holds the fonts. Sphinx writes the path from the page to the
// site root into <html data-content_root="...">, so this works at any folder depth.
(function () {
  var dir = (document.documentElement.dataset.content_root || "./") +
    "_static/vendor/html-manager/";
  var ids = ["html-manager", "html-manager/dist/libembed-amd", "base", "base7",
             "controls", "controls7"];
  var paths = {};
  ids.forEach(function (id) {
    paths["@jupyter-widgets/" + id] = dir + id.split("/").pop();
  });
  require.config({ paths: paths });
})();
