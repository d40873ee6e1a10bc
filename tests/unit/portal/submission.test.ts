// lib/portal/submission.ts: the one place that decides whether a click or a submit event
// submits the guarded ticket. Tables of the button and page kinds real portals have.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createShadowHost, isOwnHost } from '@/entrypoints/guard-ui/shadow-host';
import { clickedSubmitter, isTicketSubmitEvent, namesSubmission } from '@/lib/portal/submission';
import { resetDocument } from './load-fixture';

afterEach(resetDocument);

/** The composed path a click on `el` would have (through shadow roots up to window). */
function pathOf(el: Element): EventTarget[] {
  const path: EventTarget[] = [];
  let node: Node | null = el;
  while (node) {
    path.push(node);
    if (node instanceof ShadowRoot) node = node.host;
    else node = node.parentNode;
  }
  path.push(window);
  return path;
}

const FIELD = `<div class="form-field" id="field"><label for="p">Priority</label>
<select id="p" name="request[priority]"><option value="urgent">Urgent</option></select></div>`;

/** The ticket as the guard sees it: the field's wrapper and its form (or null). */
function ticket() {
  const field = document.getElementById('field')!;
  return { field, form: field.closest('form') };
}

const noOwnUi = () => false;

describe('clickedSubmitter on a page with a <form>', () => {
  it.each([
    ['a declared submit button', '<button type="submit" id="target">Submit</button>', true],
    ['a declared submit button with any name', '<button type="SUBMIT" id="target">Go ahead</button>', true],
    ['an input type=submit', '<input type="submit" id="target" value="Submit">', true],
    ['an input type=image', '<input type="image" id="target" alt="Send">', true],
    ['a button without type that says Submit', '<button id="target">Submit</button>', true],
    ['a button without type that says "Submit request"', '<button id="target">Submit request</button>', true],
    ['a button with an invalid type that says Send', '<button type="bogus" id="target">Send</button>', true],
    ['the text inside a submit button', '<button type="submit"><span id="target">Submit</span></button>', true],
    ['a button without type the page uses for attachments', '<button id="target">Add attachment</button>', false],
    ['a button without type that opens a preview', '<button id="target">Preview</button>', false],
    ['a type=button button', '<button type="button" id="target">Submit</button>', false],
    ['a reset button', '<button type="reset" id="target">Clear</button>', false],
    ['an input type=button', '<input type="button" id="target" value="Submit">', false],
    ['a role=button element (cannot submit a form by itself)', '<div role="button" id="target">Submit</div>', false],
    ['a disabled submit button', '<button type="submit" disabled id="target">Submit</button>', false],
    ['a link', '<a href="/hc/en-us/requests" id="target">Submit a request</a>', false],
    ['a plain text field', '<input name="request[subject]" id="target">', false],
  ])('%s → %s', (_, markup, accepted) => {
    document.body.innerHTML = `<form id="ticket">${FIELD}${markup}</form>`;
    const target = document.getElementById('target')!;
    expect(clickedSubmitter(pathOf(target), ticket(), noOwnUi) !== null).toBe(accepted);
  });

  it('accepts a submit button outside the form that names it with form=, refuses one of another form', () => {
    document.body.innerHTML = `<form id="ticket">${FIELD}</form><form id="search"></form>
<button type="submit" form="ticket" id="ours">Submit</button><button type="submit" form="search" id="theirs">Search</button>`;
    expect(clickedSubmitter(pathOf(document.getElementById('ours')!), ticket(), noOwnUi)).not.toBeNull();
    expect(clickedSubmitter(pathOf(document.getElementById('theirs')!), ticket(), noOwnUi)).toBeNull();
  });

  it('refuses a click inside the priority widget itself', () => {
    document.body.innerHTML = `<form><div class="form-field" id="field"><button type="submit" id="target">Urgent</button></div></form>`;
    const field = document.getElementById('field')!;
    // The widget's own button is reached after the field in no path: the field wraps it.
    const path = [field, ...pathOf(field).slice(1)];
    expect(clickedSubmitter(path, { field, form: field.closest('form') }, noOwnUi)).toBeNull();
  });
});

describe('clickedSubmitter on a page without a <form> (Salesforce Experience Cloud)', () => {
  const page = (markup: string) => {
    document.body.innerHTML = `<div class="case-form">${FIELD}<div class="actions">${markup}</div></div>
<header><button id="header-submit">Submit</button></header>
<aside><button id="aside-create">Create post</button><button id="aside-submit">Submit</button></aside>
<footer><button id="footer-send">Send feedback</button></footer>
<div role="dialog" aria-label="Feedback"><button id="feedback-submit">Submit</button></div>
<button class="floating" id="chat">Open chat</button>`;
  };
  it.each([
    ['Submit', true],
    ['Submit case', true],
    ['Create Case', true],
    ['Open a ticket', true],
    ['Send request', true],
    ['Submit →', true],
    ['Submit as Priority 1', false],
    ['Save draft', false],
    ['Cancel', false],
    ['Next', false],
  ])('a button "%s" by the form → %s', (name, accepted) => {
    page(`<button id="target">${name}</button>`);
    expect(clickedSubmitter(pathOf(document.getElementById('target')!), ticket(), noOwnUi) !== null).toBe(accepted);
  });

  it.each(['header-submit', 'aside-create', 'aside-submit', 'footer-send', 'feedback-submit', 'chat'])(
    'refuses the page control #%s elsewhere on the page',
    (id) => {
      page('<button id="target">Submit</button>');
      expect(clickedSubmitter(pathOf(document.getElementById(id)!), ticket(), noOwnUi)).toBeNull();
    },
  );

  it('accepts a Submit button in a region that also holds the field (a form in a modal)', () => {
    document.body.innerHTML = `<div role="dialog" aria-label="New case">${FIELD}<button id="target">Submit</button></div>`;
    expect(clickedSubmitter(pathOf(document.getElementById('target')!), ticket(), noOwnUi)).not.toBeNull();
  });

  it('accepts a role=button "Submit" and a button inside a custom element\u2019s shadow root', () => {
    page('<div role="button" id="target">Submit</div>');
    expect(clickedSubmitter(pathOf(document.getElementById('target')!), ticket(), noOwnUi)).not.toBeNull();
    const host = document.createElement('lightning-button');
    document.querySelector('.actions')!.append(host);
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
    inner.textContent = 'Submit';
    expect(clickedSubmitter(pathOf(inner), ticket(), noOwnUi)).toBe(inner);
  });
});

describe("clickedSubmitter and the guard's own UI", () => {
  it('never takes a click inside the guard\u2019s dialog for a submission, on any page shape', () => {
    for (const shape of [`<form>${FIELD}</form>`, FIELD, `<main>${FIELD}</main>`]) {
      document.body.innerHTML = shape;
      const { host, root } = createShadowHost(document, 'priority-guard-dialog', '', {});
      document.body.append(host);
      const confirm = root.appendChild(document.createElement('button'));
      confirm.textContent = 'Submit';
      expect(clickedSubmitter(pathOf(confirm), ticket(), isOwnHost)).toBeNull();
    }
  });

  it('refuses every button inside the guard\u2019s UI, whatever it says (property)', () => {
    document.body.innerHTML = FIELD;
    const { host, root } = createShadowHost(document, 'priority-guard-dialog', '', {});
    document.body.append(host);
    fc.assert(
      fc.property(fc.constantFrom('button', 'input', 'div'), fc.string(), (tag, name) => {
        root.replaceChildren();
        const el = root.appendChild(document.createElement(tag));
        el.textContent = name;
        el.setAttribute('type', 'submit');
        return clickedSubmitter(pathOf(el), ticket(), isOwnHost) === null;
      }),
    );
  });

  it('does not take a page element with the guard\u2019s tag name for its own', () => {
    document.body.innerHTML = `<priority-guard-dialog>${FIELD}<button id="target">Submit</button></priority-guard-dialog>`;
    expect(clickedSubmitter(pathOf(document.getElementById('target')!), ticket(), isOwnHost)).not.toBeNull();
  });
});

describe('namesSubmission', () => {
  it.each([
    ['Submit', true],
    ['  submit  ', true],
    ['SUBMIT REQUEST', true],
    ['Submit a request', true],
    ['Submit support request', true],
    ['Create case', true],
    ['Create a new case', true],
    ['File a ticket', true],
    ['Log an incident', true],
    ['Raise issue', true],
    ['Send', true],
    ['Submit ›', true],
    ['Open chat', false],
    ['Send feedback', false],
    ['Create post', false],
    ['Create account', false],
    ['Submit as Priority 1', false],
    ['Add attachment', false],
    ['Resubmit', false],
    ['Submitted', false],
    ['Log in', false],
    ['Subscribe', false],
    ['', false],
  ])('"%s" → %s', (name, expected) => {
    expect(namesSubmission(name)).toBe(expected);
  });

  it('never accepts a name that does not start with a submitting verb (property)', () => {
    const verbs = /^\P{L}*(submit|send|create|open|file|log|raise)\b/iu;
    fc.assert(fc.property(fc.string(), (name) => verbs.test(name) || !namesSubmission(name)));
  });

  it('accepts a verb followed by anything only when what follows names the ticket (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('Submit', 'Send', 'Create', 'Open'), fc.stringMatching(/^[a-z]{1,12}$/), (verb, word) => {
        const ticketWords = ['request', 'ticket', 'case', 'issue', 'incident', 'query', 'a', 'an', 'the', 'new', 'my', 'this', 'your'];
        return ticketWords.includes(word) || !namesSubmission(`${verb} ${word} chat`);
      }),
    );
  });
});

describe('isTicketSubmitEvent', () => {
  it('takes a submit event of the ticket\u2019s form only', () => {
    document.body.innerHTML = `<form id="ticket">${FIELD}</form><form id="search"></form>`;
    const [ours, search] = [document.getElementById('ticket')!, document.getElementById('search')!];
    const at = (target: Element) => {
      const event = new Event('submit');
      Object.defineProperty(event, 'target', { value: target });
      return event;
    };
    expect(isTicketSubmitEvent(at(ours), ticket())).toBe(true);
    expect(isTicketSubmitEvent(at(search), ticket())).toBe(false);
    expect(isTicketSubmitEvent(at(ours), { form: null })).toBe(false);
  });
});
