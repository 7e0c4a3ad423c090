// "返回上一页" on the error page goes back in history when there is any (the policy forbids a
// javascript: link); without history or script it is a link to the home page.
document.querySelectorAll('a[data-back]').forEach((link) => link.addEventListener('click', (event) => {
  if (history.length > 1) {
    event.preventDefault();
    history.back();
  }
}));
