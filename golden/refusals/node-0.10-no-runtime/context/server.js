var express = require('express');
