// Reads the check-in QR code with the phone's camera where the browser can (BarcodeDetector);
// elsewhere the button stays hidden and the code is typed into the search field.
(function () {
  "use strict";
  var button = document.getElementById("checkin-camera");
  var video = document.getElementById("checkin-video");
  var form = document.getElementById("checkin-search");
  var field = document.getElementById("checkin-q");
  if (!button || !video || !form || !field) return;
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" } })
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        return video.play().then(function () {
          var look = function () {
            detector.detect(video).then(function (codes) {
              if (codes.length) {
                stream.getTracks().forEach(function (track) { track.stop(); });
                field.value = codes[0].rawValue;
                form.submit();
              } else {
                window.requestAnimationFrame(look);
              }
            }, function () { window.requestAnimationFrame(look); });
          };
          look();
        });
      })
      .catch(function () {
        button.hidden = true;
        field.focus();
      });
  });
})();
