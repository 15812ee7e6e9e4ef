// The console's one script (served from /ui/assets/, as the content security policy allows
// no inline script). Every page works without it; it adds the modal token dialog, its copy
// button, and keeps a shown-once token out of the browser's history.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const dialog = document.getElementById("shown-once");
  if (dialog) {
    // This page answered a post and holds a token: from now on its history entry is the
    // page's own address, so a reload or a return loads it again without the token (and the
    // post is not sent again).
    if (dialog.dataset.then) {
      history.replaceState(null, "", dialog.dataset.then);
    }
    if (dialog.open && typeof dialog.showModal === "function") {
      dialog.close();
      dialog.showModal();
    }
    // Closed by its button or Escape: the token leaves the page too.
    const forget = () => {
      const value = document.getElementById("token-value");
      if (value) {
        value.textContent = "";
        value.value = "";
      }
    };
    dialog.addEventListener("cancel", forget);
    const closer = dialog.querySelector("form[method=dialog]");
    if (closer) {
      closer.addEventListener("submit", forget);
    }
  }
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.addEventListener("click", async () => {
      const field = document.getElementById(button.dataset.copy);
      const status = document.getElementById("copy-status");
      try {
        await navigator.clipboard.writeText(field.value);
        status.textContent = "Copied.";
      } catch (e) {
        field.focus();
        field.select();
        status.textContent = "Selected: press Ctrl+C to copy it.";
      }
    });
  }
});
