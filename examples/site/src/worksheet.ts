/** The worksheet: the network's diagram with the article's weights, and a print button. */
import { renderDiagram } from './lesson/diagram.js';
import { ARTICLE_VALUES } from './lesson/network.js';

renderDiagram(document.getElementById('worksheet-diagram') as HTMLElement, ARTICLE_VALUES);
document.getElementById('print')?.addEventListener('click', () => window.print());
