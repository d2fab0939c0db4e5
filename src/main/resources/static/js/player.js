// Follow-along counter for one exercise: counts repetitions or times a hold, then a rest, set by
// set, with a short vibration (where the phone supports it) at each change. Without JavaScript the
// page still shows the exercise and the log form.
(function () {
  var box = document.getElementById('counter');
  if (!box) { return; }
  var reps = parseInt(box.dataset.reps, 10) || 0;
  var hold = parseInt(box.dataset.hold, 10) || 0;
  var sets = parseInt(box.dataset.sets, 10) || 1;
  var rest = parseInt(box.dataset.rest, 10) || 0;
  var label = document.getElementById('counter-label');
  var value = document.getElementById('counter-value');
  var button = document.getElementById('counter-button');
  var set = 1, count = 0, timer = null;
  box.hidden = false;

  // A short beep (Web Audio, no sound file) and a vibration where the phone has one.
  function cue() {
    if (navigator.vibrate) { navigator.vibrate(200); }
    try {
      var audio = new (window.AudioContext || window.webkitAudioContext)();
      var tone = audio.createOscillator();
      tone.frequency.value = 880;
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.15);
    } catch (e) { /* no sound available */ }
  }
  function show(text, number) { label.textContent = text; value.textContent = number; }
  function countdown(seconds, text, then) {
    var left = seconds;
    show(text, left);
    timer = setInterval(function () {
      left -= 1;
      value.textContent = left;
      if (left <= 0) { clearInterval(timer); timer = null; cue(); then(); }
    }, 1000);
  }
  function nextSet() {
    if (set >= sets) { show('All sets done: log it below', '✓'); button.hidden = true; return; }
    set += 1;
    if (rest > 0) {
      button.disabled = true;
      countdown(rest, 'Rest before set ' + set, function () { button.disabled = false; start(); });
    } else { start(); }
  }
  function start() {
    count = 0;
    if (hold > 0) {
      button.textContent = 'Holding…';
      button.disabled = true;
      countdown(hold, 'Set ' + set + ' of ' + sets + ': hold', function () { button.disabled = false; nextSet(); });
    } else {
      show('Set ' + set + ' of ' + sets + ': press after each repetition', 0);
      button.textContent = 'Done one';
    }
  }
  button.addEventListener('click', function () {
    if (button.textContent === 'Start') { start(); return; }
    if (reps > 0 && timer === null) {
      count += 1;
      value.textContent = count;
      if (count >= reps) { cue(); nextSet(); }
    }
  });
})();
