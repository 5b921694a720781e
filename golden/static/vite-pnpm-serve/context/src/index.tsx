import { render } from 'solid-js/web';
