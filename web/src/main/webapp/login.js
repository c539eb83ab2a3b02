// Carries the page the user was sent here from, and says why they are here again.
const params = new URLSearchParams(location.search);
const next = params.get('next');
if (next) document.getElementById('next').value = next;
const message = document.getElementById('message');
if (params.has('failed')) {
  message.textContent = 'Wrong user or password.';
  message.hidden = false;
} else if (params.has('signed-out')) {
  message.textContent = 'Signed out.';
  message.className = 'info';
  message.hidden = false;
}
