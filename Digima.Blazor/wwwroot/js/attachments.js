// Attachments in compose: files from the 「ファイルを添付」 picker or dropped on the compose card
// are uploaded by fetch-style XHR (XHR for its upload progress) straight to POST /attachments,
// never through the circuit; .NET decides what may be added and shows the result.
window.digimaAttachments = {
  init: function (dotnet, zoneId, inputId) {
    const zone = document.getElementById(zoneId);
    const input = document.getElementById(inputId);
    if (!zone || !input) return;
    const token = () => (zone.querySelector("input[name='__RequestVerificationToken']") || {}).value || "";
    const hasFiles = e => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes("Files");
    input.addEventListener("change", () => {
      const files = Array.from(input.files || []);
      input.value = "";
      digimaAttachments.addAll(dotnet, token(), files);
    });
    zone.addEventListener("dragover", e => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
      zone.classList.add("attach-drop-active");
    });
    zone.addEventListener("dragleave", e => {
      if (!zone.contains(e.relatedTarget)) zone.classList.remove("attach-drop-active");
    });
    zone.addEventListener("drop", e => {
      zone.classList.remove("attach-drop-active");
      if (!e.dataTransfer || !e.dataTransfer.files || e.dataTransfer.files.length === 0) return;
      e.preventDefault();
      digimaAttachments.addAll(dotnet, token(), Array.from(e.dataTransfer.files));
    });
  },

  // One at a time: each upload is told what the mail carries already, including the one before.
  addAll: async function (dotnet, token, files) {
    for (const file of files) {
      const start = await dotnet.invokeMethodAsync("Begin", file.name, file.size);
      if (!start || start.error) continue;
      await digimaAttachments.upload(dotnet, token, file, start);
    }
  },

  upload: function (dotnet, token, file, start) {
    return new Promise(resolve => {
      const xhr = new XMLHttpRequest();
      const url = "/attachments?name=" + encodeURIComponent(file.name) + "&attached=" + start.attached;
      xhr.open("POST", url);
      xhr.setRequestHeader("RequestVerificationToken", token);
      xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
      let shown = -1;
      xhr.upload.onprogress = e => {
        if (!e.lengthComputable) return;
        const percent = Math.floor((e.loaded * 100) / e.total);
        if (percent - shown < 5 && percent < 100) return;
        shown = percent;
        dotnet.invokeMethodAsync("Progress", start.key, percent);
      };
      xhr.onload = async () => {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch { body = null; }
        if (xhr.status === 200 && body && body.id) {
          await dotnet.invokeMethodAsync("Uploaded", start.key, body);
        } else {
          await dotnet.invokeMethodAsync("Failed", start.key, body && body.error ? body.error : null);
        }
        resolve();
      };
      xhr.onerror = async () => {
        await dotnet.invokeMethodAsync("Failed", start.key, null);
        resolve();
      };
      xhr.send(file);
    });
  }
};
