// Caret handling for merge-field insertion: Blazor cannot read a textarea's selection itself.
window.digimaCompose = {
  selection: function (id) {
    const el = document.getElementById(id);
    if (!el) return [-1, -1];
    return [el.selectionStart ?? el.value.length, el.selectionEnd ?? el.value.length];
  },
  // The address after a draft's first save: the browser's only, not Blazor's navigation, which
  // would close every open dialog (MudBlazor closes them on a location change) under the rep.
  replaceAddress: function (url) {
    history.replaceState(history.state, '', url);
  },
  setCaret: function (id, position) {
    const el = document.getElementById(id);
    if (!el) return;
    el.focus();
    el.setSelectionRange(position, position);
  }
};
