/*
 * Fluxo website chat widget. Paste <script src="https://<fluxo>/widget.js?key=<channel key>" async></script>
 * into any page: no framework needed. It draws a chat button and panel inside a shadow root (the
 * page's CSS cannot break it, and it cannot break the page), talks to the server over socket.io
 * (namespace /webchat), and keeps the visitor's id in localStorage so a reload keeps the conversation.
 */
/* global window, document, localStorage, crypto, URL */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var src = new URL(script.src);
  var key = src.searchParams.get('key');
  var base = src.origin;
  if (!key || window['__fluxoWidget:' + key]) return;
  window['__fluxoWidget:' + key] = true;
  var storageKey = 'fluxo-webchat:' + key;

  var STYLE = [
    ':host{all:initial;position:fixed;right:20px;bottom:20px;z-index:2147483000;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937}',
    '.launcher{width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;color:#fff;font-size:26px;box-shadow:0 6px 20px rgba(0,0,0,.25)}',
    '.panel{position:absolute;right:0;bottom:70px;width:340px;max-width:calc(100vw - 40px);height:480px;max-height:calc(100vh - 110px);display:none;flex-direction:column;background:#fff;border-radius:14px;overflow:hidden;box-shadow:0 12px 40px rgba(0,0,0,.25)}',
    '.panel.open{display:flex}',
    '.header{padding:12px 16px;color:#fff}.header strong{display:block;font-size:16px}.header span{font-size:13px;opacity:.9}',
    '.messages{flex:1;overflow-y:auto;padding:12px;background:#f3f4f6;display:flex;flex-direction:column;gap:8px}',
    '.bubble{max-width:80%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word}',
    '.bot{align-self:flex-start;background:#fff;border:1px solid #e5e7eb}.visitor{align-self:flex-end;color:#fff}',
    '.options{display:flex;flex-direction:column;gap:6px;margin-top:8px}',
    '.option{border:1px solid currentColor;background:#fff;border-radius:8px;padding:6px 10px;cursor:pointer;font:inherit;text-align:left}',
    '.option:disabled{opacity:.5;cursor:default}.section{font-size:12px;font-weight:600;color:#6b7280;margin-top:4px}',
    '.bubble img{max-width:100%;border-radius:8px;display:block}.bubble a{color:inherit}',
    '.typing{align-self:flex-start;color:#6b7280;font-size:13px;padding:0 4px}',
    'form{display:flex;gap:8px;padding:10px;border-top:1px solid #e5e7eb;background:#fff}',
    'input{flex:1;border:1px solid #d1d5db;border-radius:8px;padding:8px 10px;font:inherit}',
    'button.send{border:0;border-radius:8px;padding:0 14px;color:#fff;cursor:pointer;font:inherit}',
    '.notice{padding:8px 12px;font-size:13px;color:#991b1b;background:#fef2f2}',
  ].join('');

  var host = document.createElement('div');
  host.setAttribute('data-fluxo-widget', key);
  var root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<style>' + STYLE + '</style>' +
    '<div class="panel" data-fluxo="panel" role="dialog" aria-label="Chat">' +
    '<div class="header"><strong data-fluxo="title">Chat</strong><span data-fluxo="subtitle"></span></div>' +
    '<div class="notice" data-fluxo="notice" hidden></div>' +
    '<div class="messages" data-fluxo="messages" aria-live="polite"></div>' +
    '<form data-fluxo="form"><input data-fluxo="input" autocomplete="off" maxlength="4096" aria-label="Message">' +
    '<button class="send" data-fluxo="send" type="submit">&#10148;</button></form></div>' +
    '<button class="launcher" data-fluxo="launcher" aria-label="Chat">&#128172;</button>';
  var $ = function (name) { return root.querySelector('[data-fluxo="' + name + '"]'); };
  var panel = $('panel'), list = $('messages'), input = $('input'), form = $('form'), notice = $('notice');
  var colour = '#0f766e';
  var seen = {};
  var socket;

  function paint() {
    $('launcher').style.background = colour;
    root.querySelector('.header').style.background = colour;
    $('send').style.background = colour;
  }
  paint();
  document.body.appendChild(host);

  $('launcher').addEventListener('click', function () {
    panel.classList.toggle('open');
    if (panel.classList.contains('open')) input.focus();
  });

  function showNotice(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }

  function bubble(from, id) {
    var el = document.createElement('div');
    el.className = 'bubble ' + from;
    el.setAttribute('data-fluxo', 'message');
    el.setAttribute('data-from', from);
    if (from === 'visitor') el.style.background = colour;
    if (id) el.setAttribute('data-id', id);
    list.appendChild(el);
    list.scrollTop = list.scrollHeight;
    return el;
  }

  function addOptions(el, groups) {
    var box = document.createElement('div');
    box.className = 'options';
    groups.forEach(function (group) {
      if (group.title) {
        var heading = document.createElement('div');
        heading.className = 'section';
        heading.textContent = group.title;
        box.appendChild(heading);
      }
      group.options.forEach(function (option) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'option';
        button.style.color = colour;
        button.setAttribute('data-fluxo', 'option');
        button.textContent = option.title + (option.description ? ' — ' + option.description : '');
        button.addEventListener('click', function () {
          box.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
          send({ reply: { id: option.id, title: option.title } }, option.title);
        });
        box.appendChild(button);
      });
    });
    el.appendChild(box);
  }

  function text(el, value) {
    var span = document.createElement('div');
    span.textContent = value;
    el.appendChild(span);
  }

  function renderBot(message, id, live) {
    if (id && seen[id]) return;
    if (id) seen[id] = true;
    var typing = root.querySelector('.typing');
    if (typing) typing.remove();
    if (message.kind === 'typing') {
      if (live && message.on) {
        var t = document.createElement('div');
        t.className = 'typing';
        t.textContent = '…';
        list.appendChild(t);
      }
      return;
    }
    var el = bubble('bot', id);
    if (message.kind === 'media') {
      if (message.mediaType === 'image') {
        var img = document.createElement('img');
        img.src = message.url;
        img.alt = message.caption || '';
        el.appendChild(img);
      } else {
        var a = document.createElement('a');
        a.href = message.url;
        a.target = '_blank';
        a.rel = 'noopener';
        a.textContent = message.fileName || message.url;
        el.appendChild(a);
      }
      if (message.caption) text(el, message.caption);
    } else if (message.kind === 'location') {
      var link = document.createElement('a');
      link.href = 'https://maps.google.com/?q=' + message.lat + ',' + message.lng;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = [message.name, message.address].filter(Boolean).join(' — ') || link.href;
      el.appendChild(link);
    } else {
      if (message.header) text(el, message.header);
      text(el, message.text || message.name || '');
      if (message.footer) text(el, message.footer);
    }
    if (message.kind === 'buttons') addOptions(el, [{ options: message.buttons }]);
    if (message.kind === 'list') addOptions(el, message.sections.map(function (s) { return { title: s.title, options: s.rows }; }));
    if (!live) el.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
  }

  function renderVisitor(message, id) {
    if (id && seen[id]) return;
    if (id) seen[id] = true;
    text(bubble('visitor', id), (message && (message.text || (message.interactive && message.interactive.title))) || '');
  }

  function clientId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function send(payload, shown) {
    if (!socket) return;
    var id = clientId();
    var el = bubble('visitor');
    text(el, shown);
    payload.id = id;
    socket.emit('send', payload, function (answer) {
      if (!answer || !answer.ok) return showNotice((answer && answer.error) || 'The message was not sent. Try again.');
      seen[answer.id] = true;
      el.setAttribute('data-id', answer.id);
      showNotice('');
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var value = input.value.trim();
    if (!value) return;
    input.value = '';
    send({ text: value }, value);
  });

  function connect() {
    socket = window.io(base + '/webchat', { transports: ['websocket', 'polling'] });
    socket.on('connect', function () {
      var visitorId = null;
      try { visitorId = localStorage.getItem(storageKey); } catch { /* private mode: a new visitor each time */ }
      socket.emit('join', { key: key, visitorId: visitorId }, function (answer) {
        if (!answer || !answer.ok) return showNotice((answer && answer.error) || 'The chat is not available.');
        try { localStorage.setItem(storageKey, answer.visitorId); } catch { /* the conversation lasts this page only */ }
        var look = answer.look || {};
        $('title').textContent = look.title || 'Chat';
        $('subtitle').textContent = look.subtitle || '';
        colour = look.primaryColour || colour;
        paint();
        // A reconnect draws the conversation again from the server's history, which is complete.
        list.innerHTML = '';
        seen = {};
        if (look.greeting) renderBot({ kind: 'text', text: look.greeting }, 'greeting', false);
        answer.messages.forEach(function (m) {
          if (m.from === 'visitor') renderVisitor(m.content, m.id);
          else renderBot(m.content, m.id, false);
        });
        showNotice('');
      });
    });
    socket.on('reply', function (event) { renderBot(event.message, event.id, true); });
    socket.on('disconnect', function () { showNotice('Reconnecting…'); });
  }

  if (window.io) connect();
  else {
    var loader = document.createElement('script');
    loader.src = base + '/socket.io/socket.io.min.js';
    loader.onload = connect;
    loader.onerror = function () { showNotice('The chat could not load. Check your connection.'); };
    document.head.appendChild(loader);
  }
})();
