import { mount } from 'svelte';
import App from './app/App.svelte';
import { installStaleDeployRecovery } from './app/staleDeploy';

installStaleDeployRecovery();

mount(App, { target: document.getElementById('app')! });
