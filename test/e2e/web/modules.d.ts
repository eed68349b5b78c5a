declare module 'mocha/mocha.js';
declare module '*.article' { const text: string; export default text; }
