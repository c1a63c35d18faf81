document.documentElement.lang;
