// The bundle's entry: the environment fix-up must be evaluated before any module that loads ink.
import './interactive-environment.js';
import './main.js';
