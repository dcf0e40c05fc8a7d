// Customer usage attribution: this deployment deploys nothing.
targetScope = 'subscription'
